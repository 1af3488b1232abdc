// Draws the annual report's charts with ECharts from each figure's data-chart attribute; the tables beside them
// carry the same figures for screen readers and for readers without JavaScript.
(function () {
  'use strict';
  var colours = ['#0017c1', '#e25100', '#259d63', '#8843e1', '#d1a800', '#00a3bf'];

  function option(data) {
    var horizontal = data.kind !== 'line' && data.rows.length > 6;
    // Lying bars read from the top, in the order of the table.
    var categoryAxis = { type: 'category', data: data.rows, inverse: horizontal, axisLabel: { interval: 0, color: '#1a1a1c' } };
    var valueAxis = { type: 'value', name: data.unit, axisLabel: { color: '#1a1a1c' } };
    return {
      color: colours,
      animation: false,
      // Rich-text tooltips and the canvas renderer: the HTML tooltip and SVG text use style attributes, which the CSP blocks.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: data.series.length > 1 ? { top: 0, textStyle: { color: '#1a1a1c' } } : undefined,
      grid: { left: horizontal ? 140 : 60, right: 24, top: data.series.length > 1 ? 48 : 32, bottom: 32, containLabel: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map(function (s) {
        return {
          name: s.name,
          type: data.kind === 'line' ? 'line' : 'bar',
          stack: data.kind === 'stacked' ? 'total' : undefined,
          data: s.values
        };
      })
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      if (data.rows.length === 0) {
        el.hidden = true;
        return;
      }
      el.classList.add('report-chart--drawn');
      // Lying bars need room for every row (the CSP allows setting a style property from a script file).
      if (data.kind !== 'line' && data.rows.length > 6) {
        el.style.height = Math.max(320, data.rows.length * data.series.length * 28 + 80) + 'px';
      }
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option(data));
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
