// The parts of ECharts the observation chart draws with, and nothing else: scripts/dist.sh
// bundles this file (esbuild, pinned in package.json) into the distribution's
// `echarts.news2.js`, which news2-widget.js imports only when a chart is first shown.
//
// Keep this list in step with src/chart_option: a series type or component the option uses but
// that is not registered here is silently not drawn (a band or a zoom slider would be missing).
// tests/e2e/host.mjs draws the widget's own option with this build and with the full ECharts and
// requires the same pixels, so a missing part fails there.

import { init, use } from "echarts/core";
import { LineChart } from "echarts/charts";
import {
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

use([
  LineChart,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  MarkAreaComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { init };
