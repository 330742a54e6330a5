// Renders an observation-chart option with ECharts' own server-side SVG renderer, to check that
// ECharts accepts what src/chart builds: tests/chart_options.rs writes the option to a file and
// runs `node tests/chart/render.mjs <option.json> <out.svg> <height px>` (the height is
// CHART_HEIGHT_PX).
// Exits non-zero if ECharts throws or warns (its warnings name options it rejects).
import { readFileSync, writeFileSync } from 'node:fs';
import * as echarts from 'echarts';

const [optionPath, svgPath, height] = process.argv.slice(2);
if (!optionPath || !svgPath || !(Number(height) > 0)) {
  console.error('usage: node tests/chart/render.mjs <option.json> <out.svg> <height px>');
  process.exit(2);
}
const complaints = [];
for (const level of ['warn', 'error']) {
  console[level] = (...args) => complaints.push(args.join(' '));
}
const option = JSON.parse(readFileSync(optionPath, 'utf8'));
const chart = echarts.init(null, null, {
  renderer: 'svg',
  ssr: true,
  width: 800,
  height: Number(height),
});
chart.setOption(option, { notMerge: true });
const svg = chart.renderToSVGString();
chart.dispose();
writeFileSync(svgPath, svg);
if (complaints.length > 0) {
  process.stderr.write(`ECharts complained:\n${complaints.join('\n')}\n`);
  process.exit(1);
}
