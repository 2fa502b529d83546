package compat

import "testing"

// TestPerfHooksMatchesNode compares perf_hooks's user-timing entries with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestPerfHooksMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const p = require('perf_hooks'); JSON.stringify([Object.keys(p), typeof p.performance.now(), typeof p.performance.timeOrigin, p.performance.now() >= 0, p.performance.timeOrigin > 1.6e12, typeof p.PerformanceObserver.supportedEntryTypes])",
			"[[\"Performance\",\"PerformanceEntry\",\"PerformanceMark\",\"PerformanceMeasure\",\"PerformanceObserver\",\"PerformanceObserverEntryList\",\"PerformanceResourceTiming\",\"monitorEventLoopDelay\",\"createHistogram\",\"performance\",\"constants\"],\"number\",\"number\",true,true,\"object\"]",
		},
		{
			"const { performance } = require('perf_hooks'); const m = performance.mark('a', { detail: { x: 1 } }); const me = performance.measure('m', 'a'); const r = [m.constructor.name, m.name, m.entryType, m.duration, JSON.stringify(m.detail), Object.keys(m.toJSON()), me.constructor.name, me.entryType, typeof me.duration, performance.getEntriesByType('mark').length, performance.getEntriesByName('m').length, performance.getEntries().length]; performance.clearMarks(); r.push(performance.getEntries().length); performance.clearMeasures(); try { performance.measure('x', 'nope'); } catch (e) { r.push(e.name + ' ' + e.message); } JSON.stringify(r)",
			"[\"PerformanceMark\",\"a\",\"mark\",0,\"{\\\"x\\\":1}\",[\"name\",\"entryType\",\"startTime\",\"duration\",\"detail\"],\"PerformanceMeasure\",\"measure\",\"number\",1,1,2,1,\"SyntaxError The \\\"nope\\\" performance mark has not been set\"]",
		},
	})
}

func TestPerformanceGlobalAndObserver(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		globalThis.result = [];
		const { PerformanceObserver, performance } = require('perf_hooks');
		const obs = new PerformanceObserver((list, o) => {
			globalThis.result.push(list.getEntries().map((e) => e.entryType + ':' + e.name).join(','));
			o.disconnect();
		});
		obs.observe({ entryTypes: ['mark', 'measure'] });
		performance.mark('one');
		performance.mark('two');
		performance.measure('span', 'one', 'two');
		globalThis.result.push(globalThis.performance === performance, typeof performance.now());
	`)
	if got, want := run(`JSON.stringify(globalThis.result)`).String(), `[true,"number","mark:one,mark:two,measure:span"]`; got != want {
		t.Fatalf("got %s want %s", got, want)
	}
}
