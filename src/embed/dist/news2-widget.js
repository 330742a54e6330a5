// news2-widget: the one module a host loads.
//
//   <script type="module" src="https://cdn.example/news2-widget-0.1.0/news2-widget.js"></script>
//
// It loads the wasm next to itself (relative to this file's URL), defines <news2-widget>, and
// exports `score` (NEWS2 for vendors' own forms) and `version`. The chart draws with the build of
// ECharts shipped beside it (only the parts it uses), imported the first time a chart is shown:
// the banner never waits for it, a compact widget never loads it, and no global `echarts` is
// set, so a host's own ECharts is untouched.

import init, {
  chartCount,
  defineElement,
  memoryBytes,
  score,
  useECharts,
  version,
} from "./news2_widget.js";

await init({ module_or_path: new URL("./news2_widget_bg.wasm", import.meta.url) });
// A module that failed to load stays failed in today's browsers: a later try asks for it under
// another URL.
useECharts((attempt) => import(attempt === 0 ? "./echarts.news2.js" : `./echarts.news2.js?attempt=${attempt}`));
defineElement();

export { chartCount, memoryBytes, score, version };
