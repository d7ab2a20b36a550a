/** The playground's stylesheet: Google's apps as people know them (Sheets grid, Gmail, Calendar, Drive, Forms). */
export const STYLE = `
* { box-sizing: border-box; }
html, body { height: 100%; }
body { font-family: Roboto, Arial, sans-serif; font-size: 13px; color: #202124; margin: 0; background: #fff; display: flex; flex-direction: column; }
a { color: #1a73e8; }
button { font: inherit; padding: 5px 12px; border-radius: 4px; border: 1px solid #1a73e8; background: #1a73e8; color: #fff; cursor: pointer; min-height: 28px; }
button.secondary { background: #fff; color: #1a73e8; border-color: #dadce0; }
button:hover { filter: brightness(0.96); }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, td:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
select, input[type="text"], input[type="email"], input[type="search"] { font: inherit; padding: 4px 6px; border: 1px solid #dadce0; border-radius: 4px; }
header.bar { display: flex; align-items: center; gap: 12px; padding: 6px 12px; border-bottom: 1px solid #dadce0; flex-wrap: wrap; background: #fff; }
header.bar .brand { font-size: 18px; color: #5f6368; text-decoration: none; font-weight: 500; }
header.bar nav.apps { display: flex; gap: 2px; flex-wrap: wrap; }
header.bar nav.apps a { color: #3c4043; text-decoration: none; padding: 6px 12px; border-radius: 16px; }
header.bar nav.apps a:hover { background: #f1f3f4; }
header.bar nav.apps a[aria-current="page"] { background: #e8f0fe; color: #1967d2; font-weight: 500; }
header.bar .controls { margin-left: auto; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
header.bar form { display: flex; gap: 4px; align-items: center; margin: 0; }
header.bar #clock { font-weight: 500; margin-right: 4px; white-space: nowrap; }
header.bar button { padding: 3px 8px; min-height: 26px; }
p.who { margin: 0; padding: 2px 12px; font-size: 12px; color: #5f6368; background: #f8f9fa; border-bottom: 1px solid #eee; }
p.flash { margin: 0; padding: 6px 12px; background: #e6f4ea; color: #0d652d; border-bottom: 1px solid #ceead6; }
main { padding: 12px 16px; flex: 1; min-height: 0; overflow: auto; }
body.wide main { padding: 0; overflow: hidden; display: flex; flex-direction: column; }
h2 { font-size: 20px; font-weight: 400; margin: 4px 0 12px; }
h3 { font-size: 15px; font-weight: 500; margin: 12px 0 6px; }
.muted { color: #5f6368; }
.error { border: 1px solid #d93025; background: #fce8e6; color: #a50e0e; padding: 8px; border-radius: 4px; }
.ok { border: 1px solid #188038; background: #e6f4ea; color: #0d652d; padding: 8px; border-radius: 4px; }
pre { white-space: pre-wrap; font-family: inherit; margin: 6px 0; }

/* Sheets */
.doc-head { display: flex; align-items: center; gap: 12px; padding: 6px 12px 0; }
.doc-head .doc-title { font-size: 18px; }
.menubar { display: flex; gap: 0; padding: 0 6px; position: relative; z-index: 20; }
.menubar > .menu > button { background: none; border: 0; color: #202124; padding: 4px 8px; min-height: 0; border-radius: 4px; }
.menubar > .menu > button:hover, .menubar > .menu.open > button { background: #f1f3f4; }
.menubar .menu { position: relative; }
.menubar .items { display: none; position: absolute; top: 100%; left: 0; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.2); min-width: 280px; padding: 6px 0; border-radius: 4px; }
.menubar .menu.open > .items, .menubar .sub:hover > .items, .menubar .sub:focus-within > .items { display: block; }
.menubar .items button { display: block; width: 100%; text-align: left; background: none; border: 0; color: #202124; padding: 6px 16px; border-radius: 0; }
.menubar .items button:hover, .menubar .items button:focus { background: #f1f3f4; }
.menubar .items button[disabled] { color: #9aa0a6; cursor: default; }
.menubar .items hr { border: 0; border-top: 1px solid #e8eaed; margin: 6px 0; }
.menubar .sub { position: relative; }
.menubar .sub > .items { top: 0; left: 100%; }
.formula { display: flex; align-items: center; gap: 6px; border-top: 1px solid #dadce0; border-bottom: 1px solid #dadce0; padding: 2px 8px; margin-top: 4px; }
.formula #namebox { width: 90px; }
.formula #fx { flex: 1; border: 0; padding: 3px; }
.sheet-area { display: flex; flex: 1; min-height: 0; }
.workbook { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.grid-wrap { flex: 1; overflow: auto; position: relative; background: #fff; }
table.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
table.grid th, table.grid td { border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; padding: 0 4px; height: 21px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; text-align: left; font-weight: normal; }
table.grid thead th { background: #f8f9fa; color: #5f6368; text-align: center; position: sticky; top: 0; z-index: 3; }
table.grid th.rowhead, table.grid td.rowhead { background: #f8f9fa; color: #5f6368; text-align: center; position: sticky; left: 0; z-index: 2; width: 46px; }
table.grid thead th.rowhead { z-index: 4; }
table.grid tr.frozen td { position: sticky; top: 22px; z-index: 2; background: #fff; font-weight: bold; border-bottom: 2px solid #c0c0c0; }
table.grid tr.frozen td.rowhead { z-index: 4; background: #f8f9fa; }
table.grid td.num { text-align: right; }
table.grid td.bool { text-align: center; }
table.grid td.editable { cursor: cell; }
table.grid td.active { outline: 2px solid #1a73e8; outline-offset: -2px; }
table.grid td.invalid { background: #fce8e6; }
table.grid td.protected { background-image: repeating-linear-gradient(135deg, rgba(0,0,0,.04) 0 4px, transparent 4px 8px); }
table.grid td.has-note { position: relative; }
table.grid td.has-note::after { content: ""; position: absolute; top: 0; right: 0; border-left: 6px solid transparent; border-top: 6px solid #f29900; }
table.grid td input[type="text"] { font: inherit; width: 100%; min-width: 80px; border: 0; padding: 0; outline: none; }
table.grid td select { font: inherit; border: 0; background: transparent; width: 100%; }
table.grid a { color: #1155cc; }
.chart { position: absolute; background: #fff; border: 1px solid #dadce0; box-shadow: 0 1px 3px rgba(0,0,0,.15); padding: 6px; z-index: 1; }
.chart canvas { width: 100% !important; height: 100% !important; }
.tabs-bar { display: flex; gap: 0; align-items: stretch; background: #f1f3f4; border-top: 1px solid #dadce0; overflow-x: auto; flex: none; }
.tabs-bar a { padding: 6px 16px; color: #3c4043; text-decoration: none; white-space: nowrap; border-right: 1px solid #dadce0; border-bottom: 3px solid transparent; }
.tabs-bar a[aria-current="page"] { background: #fff; color: #188038; font-weight: 500; border-bottom-color: var(--tab, #188038); }
.tabs-bar .pager { margin-left: auto; padding: 4px 10px; display: flex; gap: 8px; align-items: center; white-space: nowrap; }
.tabs-bar .banner { padding: 6px 12px; color: #b06000; white-space: nowrap; }
aside.sidebar { width: 320px; flex: none; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
aside.sidebar .side-head { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px; border-bottom: 1px solid #dadce0; font-size: 15px; }
aside.sidebar iframe { flex: 1; width: 100%; border: 0; display: block; }
aside.sidebar .side-foot { padding: 6px 10px; border-top: 1px solid #dadce0; background: #f8f9fa; }
.toast { position: fixed; left: 24px; bottom: 48px; background: #323232; color: #fff; padding: 12px 16px; border-radius: 4px; max-width: 420px; z-index: 50; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.toast strong { display: block; }
dialog { border: 0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); padding: 20px; max-width: 640px; }
dialog iframe { width: 600px; height: 520px; border: 0; }
dialog h3 { display: flex; justify-content: space-between; align-items: center; gap: 16px; margin-top: 0; }
dialog .dialog-close { border: 0; background: none; font-size: 20px; cursor: pointer; }

/* Gmail */
.mail-app { display: flex; gap: 0; height: 100%; min-height: 0; }
.mail-list { width: 44%; min-width: 320px; border-right: 1px solid #dadce0; overflow: auto; }
.mail-list .tools { padding: 8px; border-bottom: 1px solid #eee; display: flex; gap: 6px; }
.mail-list .tools input { flex: 1; }
.mail-row { display: grid; grid-template-columns: 150px 1fr 64px; gap: 8px; padding: 8px 12px; border-bottom: 1px solid #f1f3f4; color: #202124; text-decoration: none; }
.mail-row:hover { box-shadow: inset 1px 0 0 #dadce0, inset -1px 0 0 #dadce0, 0 1px 2px rgba(60,64,67,.3); }
.mail-row[aria-current="true"] { background: #c2e7ff; }
.mail-row .from, .mail-row .subject { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.mail-row .subject .snippet { color: #5f6368; }
.mail-row .date { text-align: right; color: #5f6368; font-size: 12px; }
.mail-read { flex: 1; overflow: auto; padding: 12px 20px; display: flex; flex-direction: column; }
.mail-read h2 { margin: 0 0 8px; }
.mail-read .meta { color: #5f6368; margin-bottom: 8px; }
.mail-read article.mail { display: flex; flex-direction: column; flex: 1; }
.mail-read iframe.body { width: 100%; flex: 1; min-height: 360px; border: 1px solid #eee; }
.attachments { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 10px; }
.attachments a { display: block; border: 1px solid #dadce0; border-radius: 6px; padding: 8px 12px; text-decoration: none; color: #202124; }
.attachments a span { display: block; color: #5f6368; font-size: 12px; }

/* Calendar */
.cal-head { display: flex; gap: 8px; align-items: center; margin-bottom: 10px; flex-wrap: wrap; }
.cal-head h2 { margin: 0 12px 0 0; }
.cal-head a.btn { border: 1px solid #dadce0; border-radius: 4px; padding: 5px 12px; text-decoration: none; color: #3c4043; }
.cal-head a.btn[aria-current="page"] { background: #e8f0fe; color: #1967d2; border-color: #d2e3fc; }
table.month { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.month th { font-weight: 500; color: #70757a; font-size: 11px; text-transform: uppercase; padding: 4px; border: 1px solid #dadce0; }
table.month td { border: 1px solid #dadce0; vertical-align: top; height: 112px; padding: 2px; overflow: hidden; }
table.month td.other { background: #f8f9fa; color: #9aa0a6; }
table.month td.today .day { background: #1a73e8; color: #fff; border-radius: 50%; }
table.month .day { display: inline-block; min-width: 22px; text-align: center; padding: 2px; font-size: 12px; }
a.ev { display: block; font-size: 12px; padding: 1px 4px; margin: 1px 0; border-radius: 4px; background: #039be5; color: #fff; text-decoration: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
a.ev.cancelled { background: #e0e0e0; color: #5f6368; text-decoration: line-through; }
a.ev.past { opacity: .65; }
.week { display: grid; grid-template-columns: 52px repeat(7, 1fr); border-top: 1px solid #dadce0; }
.week .colhead { text-align: center; padding: 6px; border-left: 1px solid #dadce0; border-bottom: 1px solid #dadce0; }
.week .colhead.today { color: #1a73e8; font-weight: bold; }
.week .hours { position: relative; }
.week .hour { height: 40px; font-size: 10px; color: #70757a; text-align: right; padding-right: 4px; }
.week .daycol { position: relative; border-left: 1px solid #dadce0; background: repeating-linear-gradient(#fff 0 39px, #e8eaed 39px 40px); }
.week .daycol a.ev { position: absolute; left: 2px; right: 2px; white-space: normal; }
.event-card { max-width: 720px; border: 1px solid #dadce0; border-radius: 8px; padding: 16px 20px; }
.event-card h2 { margin-top: 0; }
.event-card dl { display: grid; grid-template-columns: 140px 1fr; gap: 6px 12px; }
.event-card dt { color: #5f6368; }
.event-card dd { margin: 0; }
a.meet { display: inline-block; background: #1a73e8; color: #fff; padding: 8px 16px; border-radius: 4px; text-decoration: none; }

/* Drive */
.drive { max-width: 1100px; }
.crumbs { font-size: 18px; margin: 4px 0 12px; }
.crumbs a { color: #3c4043; text-decoration: none; }
table.files { width: 100%; border-collapse: collapse; }
table.files th { text-align: left; font-weight: 500; color: #5f6368; border-bottom: 1px solid #dadce0; padding: 8px; }
table.files td { border-bottom: 1px solid #f1f3f4; padding: 8px; }
table.files td a { color: #202124; text-decoration: none; }
table.files td a:hover { text-decoration: underline; }
.icon { display: inline-block; width: 16px; height: 16px; margin-right: 8px; vertical-align: -3px; border-radius: 2px; background: #5f6368; }
.icon.folder { background: #5f6368; border-radius: 1px 4px 2px 2px; height: 13px; vertical-align: -1px; }
.icon.doc { background: #4285f4; }
.icon.pdf { background: #ea4335; }
.icon.sheet { background: #0f9d58; }
.icon.form { background: #673ab7; }
.icon.text { background: #9aa0a6; }
.clip { color: #5f6368; }
.viewer { display: flex; flex-direction: column; gap: 8px; height: 100%; }
.viewer .pages { background: #525659; padding: 16px; overflow: auto; flex: 1; min-height: 400px; text-align: center; }
.viewer .pages canvas { display: block; margin: 0 auto 12px; box-shadow: 0 2px 6px rgba(0,0,0,.4); background: #fff; }

/* Forms */
body.forms main { background: #f0ebf8; }
.gform { max-width: 720px; margin: 0 auto; }
.gform .card { background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 20px 24px; margin: 12px 0; }
.gform .card.head { border-top: 10px solid #673ab7; }
.gform .card.head h2 { font-size: 28px; margin: 0 0 8px; }
.gform legend, .gform label.q { font-size: 15px; font-weight: 500; display: block; margin-bottom: 8px; }
.gform fieldset { border: 0; padding: 0; margin: 0; }
.gform label.choice { display: block; margin: 8px 0; }
.gform input[type="text"], .gform input[type="email"], .gform select, .gform textarea { font: inherit; width: 100%; padding: 6px 2px; border: 0; border-bottom: 1px solid #dadce0; border-radius: 0; }
.gform textarea { min-height: 60px; }
.gform .req { color: #d93025; }
.gform button[type="submit"] { background: #673ab7; border-color: #673ab7; }
`;
