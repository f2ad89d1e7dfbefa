// Writes the floor page's data into chart.js, between its DATA markers: for
// each day of 2025 and each latitude from the equator to 60° north, the length
// of the day, of the day with civil twilight, and the sun's height at noon.
// The sun's declination is NOAA's approximation (Spencer's series); sunrise
// and sunset are when the centre of the sun is 0.833° below a flat horizon at
// sea level (refraction and the sun's radius), civil twilight ends at 6°.
//
//   node make-data.mjs     (then check the diff of chart.js)
import { readFileSync, writeFileSync } from 'node:fs';

const LATITUDES = [0, 10, 20, 30, 40, 50, 60];
const DAYS = 365;
const rad = (deg) => (deg * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;

function declination(day) {
  const g = ((2 * Math.PI) / DAYS) * (day - 1); // at noon
  return 0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g)
    + 0.000907 * Math.sin(2 * g) - 0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g);
}

/** Minutes between the sun's passing `depression` degrees below the horizon, morning and evening. */
function minutesAbove(latitude, day, depression) {
  const phi = rad(latitude);
  const delta = declination(day);
  const cosH = (Math.cos(rad(90 + depression)) - Math.sin(phi) * Math.sin(delta)) / (Math.cos(phi) * Math.cos(delta));
  const hours = (2 * deg(Math.acos(Math.max(-1, Math.min(1, cosH))))) / 15;
  return hours * 60;
}

const noonHeight = (latitude, day) => 90 - Math.abs(latitude - deg(declination(day)));

const series = (f) => LATITUDES.map((lat) => Array.from({ length: DAYS }, (_, i) => f(lat, i + 1)));
const data = {
  daylight: series((lat, day) => minutesAbove(lat, day, 0.833)),
  civil: series((lat, day) => minutesAbove(lat, day, 6)),
  noon: series(noonHeight),
};

const row = (values) => '      [' + values.map((v) => v.toFixed(1)).join(',') + ']';
const block = (name) => `    ${name}: [\n${data[name].map(row).join(',\n')},\n    ],`;
const text = `// BEGIN DATA (written by make-data.mjs)
  const LATITUDES = [${LATITUDES.join(', ')}];
  const YEAR = 2025;
  const DATA = {
${block('daylight')}
${block('civil')}
${block('noon')}
  };
  // END DATA`;

const file = new URL('./chart.js', import.meta.url);
const source = readFileSync(file, 'utf8');
writeFileSync(file, source.replace(/\/\/ BEGIN DATA[\s\S]*?\/\/ END DATA/, text));

// For the article's figures.
for (const [i, lat] of LATITUDES.entries()) {
  const d = data.daylight[i];
  const fmt = (m) => `${Math.floor(Math.round(m) / 60)} h ${String(Math.round(m) % 60).padStart(2, '0')}`;
  console.log(`${lat}°N: shortest ${fmt(Math.min(...d))}, longest ${fmt(Math.max(...d))}, Mar 20 ${fmt(d[78])}, Sep 22 ${fmt(d[264])}, civil max ${fmt(Math.max(...data.civil[i]))}, noon ${Math.min(...data.noon[i]).toFixed(1)}-${Math.max(...data.noon[i]).toFixed(1)}`);
}
