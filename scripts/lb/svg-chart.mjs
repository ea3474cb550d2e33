// Line charts as SVG, drawn without a library (docs/benchmarks/soak-*.svg): panels stacked in one
// picture, each with labelled axes and units, a legend, and vertical markers for events (a kill, a
// restart). Points with y null break the line (an instance that was not running).

const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';
export const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const MARGIN = { left: 72, right: 24, top: 58, bottom: 48 };

const escape = (text) =>
  String(text).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
const fmt = (n) => (Math.abs(n) >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toPrecision(2).replace(/\.?0+$/, ''));

/** About `count` round tick values (1, 2, 5 × 10^k) covering [min, max]. */
export function linearTicks(min, max, count = 5) {
  const span = max - min || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** 1, 2, 5 × 10^k ticks between min and max (both > 0). */
export function logTicks(min, max) {
  const ticks = [];
  for (let power = Math.floor(Math.log10(min)); 10 ** power <= max; power += 1) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** power;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(Number(v.toPrecision(12)));
    }
  }
  return ticks;
}

/**
 * One panel: a line chart in the box (x, y, width, height) of the picture.
 * @param {object} chart
 * @param {string} chart.title
 * @param {string} chart.xLabel axis title with its unit, e.g. "time since the start (s)"
 * @param {string} chart.yLabel axis title with its unit, e.g. "latency (ms)"
 * @param {{ name: string, points: [number, number | null][], color?: string, dash?: boolean }[]} chart.series
 * @param {{ x: number, label: string }[]} [chart.markers]
 * @param {'linear' | 'log'} [chart.yScale]
 * @param {[number, number]} [chart.xDomain]
 */
export function panel(chart, box) {
  // Legend entries in rows under the title, a new row when one is full (text at ~7 px per character).
  const legend = [];
  let lx = box.x + 12;
  let row = 0;
  chart.series.forEach((s, i) => {
    const width = 40 + s.name.length * 7;
    if (lx + width > box.x + box.width - 12 && lx > box.x + 12) {
      lx = box.x + 12;
      row += 1;
    }
    legend.push({ s, i, x: lx, y: box.y + 38 + row * 17 });
    lx += width;
  });
  const plot = {
    left: box.x + MARGIN.left,
    right: box.x + box.width - MARGIN.right,
    top: box.y + MARGIN.top + row * 17,
    bottom: box.y + box.height - MARGIN.bottom,
  };
  const all = chart.series
    .flatMap((s) => s.points)
    .filter(([, y]) => y !== null && y !== undefined && Number.isFinite(y));
  const xs = all.map(([x]) => x);
  const [x0, x1] = chart.xDomain ?? [Math.min(0, ...xs), Math.max(1, ...xs)];
  const log = chart.yScale === 'log';
  const ys = all.map(([, y]) => y).filter((y) => !log || y > 0);
  const yTop = Math.max(...ys, log ? 1 : 0) * (log ? 1.3 : 1.08) || 1;
  const yBottom = log ? Math.max(Math.min(...ys) / 1.3, yTop / 1e4) : 0;
  const yTicks = log ? logTicks(yBottom, yTop) : linearTicks(0, yTop);
  const yMax = log ? yTop : Math.max(yTop, yTicks.at(-1));
  const sx = (x) => plot.left + ((x - x0) / (x1 - x0 || 1)) * (plot.right - plot.left);
  const sy = log
    ? (y) =>
        plot.bottom -
        ((Math.log(y) - Math.log(yBottom)) / (Math.log(yMax) - Math.log(yBottom))) * (plot.bottom - plot.top)
    : (y) => plot.bottom - (y / yMax) * (plot.bottom - plot.top);
  const out = [];
  out.push(
    `<text x="${box.x + 12}" y="${box.y + 20}" font-size="15" font-weight="bold" ${FONT}>${escape(chart.title)}</text>`,
  );
  for (const { s, i, x, y } of legend) {
    const color = s.color ?? COLORS[i % COLORS.length];
    out.push(
      `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${color}" stroke-width="2.5"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${x + 27}" y="${y + 4}" font-size="12" ${FONT}>${escape(s.name)}</text>`,
    );
  }
  // Grid and axes.
  for (const t of yTicks) {
    const y = sy(t).toFixed(1);
    out.push(
      `<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="#e4e4e4"/>`,
      `<text x="${plot.left - 6}" y="${Number(y) + 4}" font-size="11" text-anchor="end" ${FONT}>${fmt(t)}</text>`,
    );
  }
  for (const t of linearTicks(x0, x1, 10)) {
    const x = sx(t).toFixed(1);
    out.push(
      `<line x1="${x}" y1="${plot.bottom}" x2="${x}" y2="${plot.bottom + 5}" stroke="#333"/>`,
      `<text x="${x}" y="${plot.bottom + 18}" font-size="11" text-anchor="middle" ${FONT}>${fmt(t)}</text>`,
    );
  }
  out.push(
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#333"/>`,
    `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 38}" font-size="12" text-anchor="middle" ${FONT}>${escape(chart.xLabel)}</text>`,
    `<text transform="translate(${box.x + 16} ${(plot.top + plot.bottom) / 2}) rotate(-90)" font-size="12" text-anchor="middle" ${FONT}>${escape(chart.yLabel)}${log ? ' (log scale)' : ''}</text>`,
  );
  // Markers: a dashed vertical line, its label at the top, in the first row where it does not run into
  // the label before it; to the left of the line near the right edge.
  const rowEnds = [];
  (chart.markers ?? []).forEach((m) => {
    const x = sx(m.x);
    const width = m.label.length * 6.3 + 8;
    const leftward = x + width > plot.right;
    const [from, to] = leftward ? [x - width, x] : [x, x + width];
    let row = rowEnds.findIndex((end) => end < from);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = to;
    out.push(
      `<line x1="${x.toFixed(1)}" y1="${plot.top}" x2="${x.toFixed(1)}" y2="${plot.bottom}" stroke="#b00" stroke-width="1.5" stroke-dasharray="5 3"/>`,
      `<text x="${(leftward ? x - 4 : x + 4).toFixed(1)}" y="${plot.top + 14 + row * 14}"${leftward ? ' text-anchor="end"' : ''} font-size="11" fill="#b00" stroke="#fff" stroke-width="3" paint-order="stroke" ${FONT}>${escape(m.label)}</text>`,
    );
  });
  // Lines, broken where y is null.
  chart.series.forEach((s, i) => {
    const color = s.color ?? COLORS[i % COLORS.length];
    let run = [];
    const flush = () => {
      if (run.length > 1)
        out.push(
          `<polyline fill="none" stroke="${color}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ''} points="${run.join(' ')}"/>`,
        );
      if (run.length === 1)
        out.push(`<circle cx="${run[0].split(',')[0]}" cy="${run[0].split(',')[1]}" r="2.5" fill="${color}"/>`);
      run = [];
    };
    for (const [x, y] of s.points) {
      if (y === null || y === undefined || !Number.isFinite(y) || (log && y <= 0)) flush();
      else run.push(`${sx(x).toFixed(1)},${sy(Math.min(y, yMax)).toFixed(1)}`);
    }
    flush();
  });
  return out.join('\n');
}

/** Panels stacked top to bottom in one SVG document. */
export function svgDocument(charts, { width = 960, panelHeight = 330 } = {}) {
  const height = charts.length * panelHeight;
  const body = charts.map((chart, i) => panel(chart, { x: 0, y: i * panelHeight, width, height: panelHeight }));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n` +
    `<rect width="100%" height="100%" fill="#fff"/>\n${body.join('\n')}\n</svg>\n`
  );
}
