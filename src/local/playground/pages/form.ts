/**
 * A Google Form as an employee sees it (the enrollment form, or another form the add-on made, by id),
 * and what sending it does: the response is stored and the form-submit triggers fire, as on Google.
 */
import { type GivenAnswer, hostFormView, type FormView } from '../../services/forms';
import type { PageContext } from '../context';
import { html, raw, type Raw } from '../html';
import { linkify } from '../links';

function formOf(ctx: PageContext, id: string | null): FormView | null {
  const formId = id ?? ctx.playground.formId();
  if (!formId) return null;
  try {
    return hostFormView(ctx.ws, formId);
  } catch {
    return null;
  }
}

function itemHtml(item: FormView['items'][number]): Raw {
  const id = `q${item.id}`;
  const star = item.required ? raw(' <span class="req" aria-hidden="true">*</span>') : '';
  const reqAttr = raw(item.required ? ' required' : '');
  const help = item.helpText ? html`<p class="muted">${item.helpText}</p>` : '';
  switch (item.type) {
    case 'SECTION_HEADER':
    case 'PAGE_BREAK':
      return html`<div class="card"><h3>${item.title}</h3>${help}</div>`;
    case 'GRID':
    case 'CHECKBOX_GRID': {
      const kind = item.type === 'GRID' ? 'radio' : 'checkbox';
      return html`<div class="card"><fieldset><legend>${item.title}${star}</legend>${help}<table class="grid"><tr><th></th>${item.choices.map(
        (c) => html`<th scope="col">${c}</th>`,
      )}</tr>${item.rows.map(
        (r, n) =>
          html`<tr><th scope="row">${r}</th>${item.choices.map(
            (c) => html`<td><input type="${kind}" name="${id}-r${n}" value="${c}" aria-label="${r}: ${c}"></td>`,
          )}</tr>`,
      )}</table></fieldset></div>`;
    }
    case 'CHECKBOX':
      return html`<div class="card"><fieldset><legend>${item.title}${star}</legend>${help}${item.choices.map(
        (c, i) =>
          html`<label class="choice"><input type="checkbox" name="${id}" value="${c}" id="${id}-${i}"> ${c}</label>`,
      )}</fieldset></div>`;
    case 'MULTIPLE_CHOICE':
      return html`<div class="card"><fieldset><legend>${item.title}${star}</legend>${help}${item.choices.map(
        (c, i) =>
          html`<label class="choice"><input type="radio" name="${id}" value="${c}" id="${id}-${i}"${reqAttr}> ${c}</label>`,
      )}</fieldset></div>`;
    case 'LIST':
      return html`<div class="card"><label class="q" for="${id}">${item.title}</label>${star}${help}<select id="${id}" name="${id}"${reqAttr}><option value="">Scegli</option>${item.choices.map(
        (c) => html`<option>${c}</option>`,
      )}</select></div>`;
    case 'PARAGRAPH_TEXT':
      return html`<div class="card"><label class="q" for="${id}">${item.title}</label>${star}${help}<textarea id="${id}" name="${id}"${reqAttr}></textarea></div>`;
    case 'SCALE': {
      const s = item.scale ?? { lower: 1, upper: 5, lowerLabel: '', upperLabel: '' };
      const values = Array.from({ length: s.upper - s.lower + 1 }, (_, i) => s.lower + i);
      return html`<div class="card"><fieldset><legend>${item.title}${star}</legend>${help}<span class="muted">${s.lowerLabel}</span>${values.map(
        (v) => html`<label class="choice"><input type="radio" name="${id}" value="${v}"${reqAttr}> ${v}</label>`,
      )}<span class="muted">${s.upperLabel}</span></fieldset></div>`;
    }
    default:
      return html`<div class="card"><label class="q" for="${id}">${item.title}</label>${star}${help}<input type="text" id="${id}" name="${id}"${reqAttr}></div>`;
  }
}

function page(ctx: PageContext, view: FormView | null, message: Raw | string, email: string): string {
  if (!view)
    return ctx.render(
      'Modulo',
      'forms',
      html`<div class="gform"><div class="card head"><h2>Nessun modulo</h2><p>Nessun modulo di iscrizione pubblicato: lo staff usa «Pubblica modulo iscrizioni».</p></div></div>`,
    );
  if (!view.published || !view.accepting)
    return ctx.render(
      view.title,
      'forms',
      html`<div class="gform"><div class="card head"><h2>${view.title}</h2><p>${view.closedMessage || 'Il modulo non accetta più risposte.'}</p></div></div>`,
    );
  const emailField = view.collectsEmail
    ? html`<div class="card"><label class="q" for="email">Email</label> <span class="req" aria-hidden="true">*</span><input type="email" id="email" name="email" required value="${email}"></div>`
    : '';
  const description = view.description ? html`<pre>${linkify(ctx.ws, view.description)}</pre>` : '';
  const body = html`<div class="gform">${message}<form class="employee" method="post" action="/form">
<input type="hidden" name="form" value="${view.id}">
<div class="card head"><h2>${view.title}</h2>${description}<p class="req">* Indica una domanda obbligatoria</p></div>
${emailField}${view.items.map(itemHtml)}<p><button type="submit">Invia</button></p></form></div>`;
  return ctx.render(view.title, 'forms', body);
}

export function formPage(ctx: PageContext): string {
  const email = ctx.url.searchParams.get('email') ?? (ctx.viewer.kind === 'employee' ? ctx.viewer.email : '');
  return page(ctx, formOf(ctx, ctx.url.searchParams.get('id')), '', email);
}

/** The employee sends the form: stored, triggers fired, the workbook saved; the confirmation as Google shows it. */
export function submitForm(ctx: PageContext, params: URLSearchParams): string {
  const view = formOf(ctx, params.get('form'));
  if (!view) return page(ctx, null, '', '');
  const answers: Record<string, GivenAnswer> = {};
  for (const item of view.items) {
    if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') {
      answers[item.title] = item.rows.map((_, n) => params.getAll(`q${item.id}-r${n}`));
      continue;
    }
    const values = params.getAll(`q${item.id}`).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    answers[item.title] = item.type === 'CHECKBOX' ? values : (values[0] ?? '');
  }
  const email = params.get('email') ?? '';
  try {
    const outcome = ctx.playground.academy.submit(view.id, { email, answers });
    ctx.playground.save();
    const failed = outcome.runs.filter((r) => !r.ok);
    const body = html`<div class="gform"><div class="card head"><h2>${view.title}</h2>
<div class="ok" role="status"><strong>${view.confirmationMessage || 'La tua risposta è stata registrata.'}</strong></div>
${failed.length > 0 ? html`<p class="error">Il trigger di invio non è riuscito: ${failed.map((r) => r.error ?? '').join('; ')}</p>` : ''}
<p>Risposta ${outcome.responseId}. <a href="/form?id=${encodeURIComponent(view.id)}">Invia un'altra risposta</a> · <a href="/mail">Guarda la posta</a></p></div></div>`;
    return ctx.render('Risposta inviata', 'forms', body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return page(ctx, view, html`<p class="error" role="alert">${message}</p>`, email);
  }
}
