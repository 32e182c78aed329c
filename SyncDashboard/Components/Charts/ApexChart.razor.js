// The browser half of ApexChart.razor: one ApexCharts instance per host element, created once and updated in place.
// The library (apexcharts 4.x, committed in wwwroot/lib/apexcharts) is a UMD script that sets window.ApexCharts; it
// is loaded on first use so pages without charts never download it.

let library;
let created = 0;
const charts = new WeakMap();

function loadLibrary() {
    if (window.ApexCharts) return Promise.resolve(window.ApexCharts);
    library ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("lib/apexcharts/apexcharts.min.js", document.baseURI).href;
        script.onload = () => resolve(window.ApexCharts);
        script.onerror = () => {
            library = undefined;
            reject(new Error(`Could not load ${script.src}`));
        };
        document.head.appendChild(script);
    });
    return library;
}

function withoutSeries(options) {
    const { series, ...rest } = options;
    return JSON.stringify(rest);
}

export function render(element, json) {
    const options = JSON.parse(json);
    const entry = { rest: withoutSeries(options) };
    entry.ready = loadLibrary().then(async ApexCharts => {
        const chart = new ApexCharts(element, options);
        await chart.render();
        // Which chart instance this is and how often it was updated: visible to tests and to anyone debugging.
        element.dataset.chartInstance = String(++created);
        element.dataset.chartUpdates = "0";
        return chart;
    });
    charts.set(element, entry);
    return entry.ready.then(() => undefined);
}

export async function update(element, json) {
    const entry = charts.get(element);
    if (!entry) return render(element, json);
    const chart = await entry.ready;
    const options = JSON.parse(json);
    const rest = withoutSeries(options);
    // New data alone is the common case (a sync finished): updateSeries redraws only the paths.
    if (rest === entry.rest) {
        await chart.updateSeries(options.series, true);
    } else {
        await chart.updateOptions(options, false, false);
        entry.rest = rest;
    }
    element.dataset.chartUpdates = String(Number(element.dataset.chartUpdates ?? 0) + 1);
}

export async function destroy(element) {
    const entry = charts.get(element);
    if (!entry) return;
    charts.delete(element);
    try {
        (await entry.ready).destroy();
    } catch {
        // A chart that never rendered (library missing) has nothing to destroy.
    }
}
