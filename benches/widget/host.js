// The widget's side of benches/views.mjs: a host page that loads the distribution and puts one
// <news2-widget> into the page, as docs/embedding.md shows, with the Bundle's URL and its clock.
//
//   index.html?dist=/pkg/news2-widget-0.1.0&src=/target/bench/year-365.json&now=2026-…Z
//
// The widget marks `news2:chart-drawn` itself (src/ui/timing.rs); `bench:request` is the
// moment the element goes into the page, the benchmark's time origin for both pages.

const params = new URLSearchParams(location.search);
// A dynamic import only because the folder is a parameter; a host writes a <script> tag.
await import(`${params.get("dist")}/news2-widget.js`);

// benches/views.mjs's check that both pages draw the same chart (never a timed run): with
// `inspect` (the URL of the distribution's ECharts module), every chart the widget makes is kept
// on window.benchCharts, so its option can be read after it has drawn.
if (params.has("inspect")) {
  const glue = await import(`${params.get("dist")}/news2_widget.js`);
  window.benchCharts = [];
  glue.useECharts(async () => {
    const echarts = await import(params.get("inspect"));
    return {
      init(...args) {
        const chart = echarts.init(...args);
        window.benchCharts.push(chart);
        return chart;
      },
    };
  });
}

const widget = document.createElement("news2-widget");
// A fixed clock (honoured with `demo` only), so that the chart opens on the Bundle's last
// 72 hours as it would on a current patient, and the same on every run.
widget.setAttribute("demo", "");
widget.setAttribute("now", params.get("now"));
widget.setAttribute("lang", "nb");
widget.setAttribute("src", params.get("src"));
performance.mark("bench:request");
document.body.append(widget);
