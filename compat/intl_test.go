package compat

import (
	"strings"
	"testing"
)

// Expected values are what Node 20 (ICU 77, en-US) prints; NNBSP stands
// for U+202F, which ICU puts before AM/PM.
func TestIntl(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		globalThis.N = (o, v) => new Intl.NumberFormat('en-US', o).format(v);
		globalThis.D = new Date(Date.UTC(2024, 0, 5, 15, 4, 9, 45));
		globalThis.F = (o) => new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: 'UTC' }, o)).format(D);
	`)
	tests := []struct{ src, want string }{
		{`[N({}, 1234567.891), N({}, -0), N({}, 0.00001), N({}, 1e21), N({}, NaN), N({}, Infinity), N({ maximumFractionDigits: 2 }, 1.005), N({ minimumFractionDigits: 2 }, 5)].join('|')`,
			"1,234,567.891|-0|0|1,000,000,000,000,000,000,000|NaN|∞|1.01|5.00"},
		{`[N({ style: 'percent' }, 0.256), N({ style: 'percent', maximumFractionDigits: 1 }, 0.2567), N({ maximumFractionDigits: 0 }, 2.5), N({ maximumFractionDigits: 0 }, -2.5), N({}, 5e-7), N({ maximumFractionDigits: 20 }, 0.1)].join('|')`,
			"26%|25.7%|3|-3|0|0.1"},
		{`[N({ style: 'currency', currency: 'USD' }, -1234.5), N({ style: 'currency', currency: 'EUR' }, 3), N({ style: 'currency', currency: 'JPY' }, 1234.5), N({ style: 'currency', currency: 'CHF' }, 1), N({ style: 'currency', currency: 'USD', currencyDisplay: 'code' }, 1), N({ style: 'currency', currency: 'USD', currencyDisplay: 'name' }, 2), N({ style: 'currency', currency: 'GBP' }, 1)].join('|')`,
			"-$1,234.50|€3.00|¥1,235|CHF\u00a01.00|USD\u00a01.00|2.00 US dollars|£1.00"},
		{`[N({ useGrouping: false }, 12345), N({ maximumSignificantDigits: 3 }, 123456), N({ minimumIntegerDigits: 3 }, 5), N({ notation: 'compact' }, 1234), N({ notation: 'compact' }, 1500000), N({ notation: 'compact' }, 999), N({ signDisplay: 'always' }, 5), N({ style: 'unit', unit: 'kilobyte' }, 5), N({}, 123456789012345678901234567890n)].join('|')`,
			"12345|123,000|005|1.2K|1.5M|999|+5|5 kB|123,456,789,012,345,678,901,234,567,890"},
		{`JSON.stringify(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5))`,
			`[{"type":"minusSign","value":"-"},{"type":"currency","value":"$"},{"type":"integer","value":"1"},{"type":"group","value":","},{"type":"integer","value":"234"},{"type":"decimal","value":"."},{"type":"fraction","value":"50"}]`},
		{`JSON.stringify(new Intl.NumberFormat().resolvedOptions())`,
			`{"locale":"en-US","numberingSystem":"latn","style":"decimal","minimumIntegerDigits":1,"minimumFractionDigits":0,"maximumFractionDigits":3,"useGrouping":"auto","notation":"standard","signDisplay":"auto","roundingMode":"halfExpand","roundingIncrement":1,"trailingZeroDisplay":"auto","roundingPriority":"auto"}`},
		{`[(1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), (5).toLocaleString(), (-1234).toLocaleString(), (0.1 + 0.2).toLocaleString(), (12345n).toLocaleString(), [1234, 5].toLocaleString()].join('|')`,
			"$1,234.50|5|-1,234|0.3|12,345|1,234,5"},
		{`[F(), D.toLocaleString('en-US', { timeZone: 'UTC' }), D.toLocaleDateString('en-US', { timeZone: 'UTC' }), D.toLocaleTimeString('en-US', { timeZone: 'UTC' }), D.toLocaleString('en-US', { timeZone: 'America/New_York' })].join('|')`,
			"1/5/2024|1/5/2024, 3:04:09 PM|1/5/2024|3:04:09 PM|1/5/2024, 10:04:09 AM"},
		{`[F({ dateStyle: 'full' }), F({ dateStyle: 'long' }), F({ dateStyle: 'medium' }), F({ dateStyle: 'short' })].join('|')`,
			"Friday, January 5, 2024|January 5, 2024|Jan 5, 2024|1/5/24"},
		{`[F({ timeStyle: 'full' }), F({ timeStyle: 'long' }), F({ timeStyle: 'medium' }), F({ timeStyle: 'short' })].join('|')`,
			"3:04:09 PM Coordinated Universal Time|3:04:09 PM UTC|3:04:09 PM|3:04 PM"},
		{`[F({ dateStyle: 'full', timeStyle: 'short' }), F({ dateStyle: 'medium', timeStyle: 'short' }), F({ dateStyle: 'long', timeStyle: 'long', timeZone: 'Europe/Paris' })].join('|')`,
			"Friday, January 5, 2024 at 3:04 PM|Jan 5, 2024, 3:04 PM|January 5, 2024 at 4:04:09 PM GMT+1"},
		{`[F({ month: 'long' }), F({ month: 'short', day: 'numeric' }), F({ year: 'numeric', month: 'long' }), F({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }), F({ weekday: 'short', month: 'short', day: 'numeric' }), F({ weekday: 'long' }), F({ year: '2-digit', month: '2-digit', day: '2-digit' })].join('|')`,
			"January|Jan 5|January 2024|Friday, January 5, 2024|Fri, Jan 5|Friday|01/05/24"},
		{`[F({ hour: 'numeric' }), F({ hour: '2-digit', minute: '2-digit' }), F({ hour: 'numeric', minute: '2-digit', hour12: false }), F({ hour: 'numeric', minute: 'numeric', second: 'numeric', timeZoneName: 'short' }), F({ month: 'numeric', day: 'numeric' }), F({ year: 'numeric' }), F({ month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' })].join('|')`,
			"3 PM|03:04 PM|15:04|3:04:09 PM UTC|1/5|2024|January 5 at 3:04 PM"},
		{`[F({ year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }), F({ hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }), F({ minute: '2-digit' }), F({ minute: '2-digit', second: '2-digit' }), F({ fractionalSecondDigits: 3, second: 'numeric' }), F({ timeZoneName: 'short' })].join('|')`,
			"Jan 5, 2024, 3:04 PM|15:04:09|4|04:09|9.045|1/5/2024, UTC"},
		{`[F({ timeZone: 'Asia/Kolkata', timeZoneName: 'short', hour: 'numeric' }), F({ timeZone: 'America/Los_Angeles', timeZoneName: 'short', hour: 'numeric' }), F({ timeZone: 'America/Los_Angeles', timeZoneName: 'long', hour: 'numeric' }), F({ timeZone: 'Etc/GMT+5', timeZoneName: 'short', hour: 'numeric' })].join('|')`,
			"8 PM GMT+5:30|7 AM PST|7 AM Pacific Standard Time|10 AM GMT-5"},
		{`const mid = new Date(Date.UTC(2024, 0, 5, 0, 4, 9)); [new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: 'numeric', hour12: false }).format(mid), new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23', hour: 'numeric', minute: 'numeric' }).format(mid)].join('|')`,
			"24:04|00:04"},
		{`JSON.stringify(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).formatToParts(D))`,
			`[{"type":"month","value":"Jan"},{"type":"literal","value":" "},{"type":"day","value":"5"},{"type":"literal","value":", "},{"type":"year","value":"2024"},{"type":"literal","value":", "},{"type":"hour","value":"3"},{"type":"literal","value":":"},{"type":"minute","value":"04"},{"type":"literal","value":"NNBSP"},{"type":"dayPeriod","value":"PM"}]`},
		{`JSON.stringify(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions())`,
			`{"locale":"en-US","calendar":"gregory","numberingSystem":"latn","timeZone":"UTC","year":"numeric","month":"numeric","day":"numeric"}`},
		{`[new Intl.DateTimeFormat('en', { timeZone: 'utc' }).resolvedOptions().timeZone, new Intl.DateTimeFormat('en', { timeZone: 'america/new_york' }).resolvedOptions().timeZone, new Date(NaN).toLocaleString()].join('|')`,
			"UTC|America/New_York|Invalid Date"},
		{`try { new Intl.DateTimeFormat('en', { timeZone: 'Nope/Zone' }); } catch (e) { e.constructor.name + ' ' + e.message }`, "RangeError Invalid time zone specified: Nope/Zone"},
		{`try { new Intl.DateTimeFormat('en').format(NaN); } catch (e) { e.constructor.name + ' ' + e.message }`, "RangeError Invalid time value"},
		{`const c = (o, a, b) => new Intl.Collator('en', o).compare(a, b);
		  [c({}, 'a', 'B'), c({}, 'a', 'A'), c({ sensitivity: 'base' }, 'a', 'A'), c({ sensitivity: 'base' }, 'a', 'á'), c({ sensitivity: 'accent' }, 'a', 'á'), c({ sensitivity: 'accent' }, 'a', 'A'), c({ sensitivity: 'case' }, 'a', 'á'), c({ numeric: true }, '2', '10'), c({}, '2', '10'), ['b', 'a', 'C', 'ä', 'A'].sort(new Intl.Collator().compare).join(''), c({ caseFirst: 'upper' }, 'a', 'A')].join()`,
			"-1,-1,0,0,-1,0,0,-1,1,aAäbC,1"},
		{`['a'.localeCompare('b'), 'a'.localeCompare('A', undefined, { sensitivity: 'base' }), 'file10'.localeCompare('file2', undefined, { numeric: true }), JSON.stringify(new Intl.Collator().resolvedOptions())].join('|')`,
			`-1|0|1|{"locale":"en-US","usage":"sort","sensitivity":"variant","ignorePunctuation":false,"collation":"default","numeric":false,"caseFirst":"false"}`},
		{`const p = new Intl.PluralRules('en-US'); [[0, 1, 2, 1.5, '1'].map((n) => p.select(n)).join(), [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => new Intl.PluralRules('en', { type: 'ordinal' }).select(n)).join()].join('|')`,
			"other,one,other,other,one|one,two,few,other,other,other,other,one,two,few,one,other"},
		{`const r = new Intl.RelativeTimeFormat('en'); const ra = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
		  [r.format(-1, 'day'), r.format(2, 'hours'), r.format(0, 'second'), ra.format(-1, 'day'), ra.format(1, 'day'), ra.format(0, 'day'), r.format(-1.5, 'month'), new Intl.RelativeTimeFormat('en', { style: 'short' }).format(3, 'minute')].join('|')`,
			"1 day ago|in 2 hours|in 0 seconds|yesterday|tomorrow|today|1.5 months ago|in 3 min."},
		{`const L = (o, l) => new Intl.ListFormat('en', o).format(l); [L({}, ['a', 'b', 'c']), L({}, ['a', 'b']), L({ type: 'disjunction' }, ['a', 'b', 'c']), L({ type: 'unit' }, ['a', 'b', 'c']), L({ style: 'narrow', type: 'unit' }, ['a', 'b', 'c'])].join('|')`,
			"a, b, and c|a and b|a, b, or c|a, b, c|a b c"},
		{`[JSON.stringify(Intl.getCanonicalLocales(['EN-us', 'en'])), JSON.stringify(Intl.NumberFormat.supportedLocalesOf(['en-US', 'de'])), Object.prototype.toString.call(new Intl.NumberFormat()), Intl.supportedValuesOf('calendar').includes('gregory'), Intl.supportedValuesOf('timeZone').includes('Europe/Paris')].join('|')`,
			`["en-US","en"]|["en-US","de"]|[object Intl.NumberFormat]|true|true`},
		{`try { Intl.supportedValuesOf('x'); } catch (e) { e.constructor.name + ' ' + e.message }`, "RangeError Invalid key : x"},
		{`[[...new Intl.Segmenter().segment('héllo')].length, JSON.stringify([...new Intl.Segmenter('en', { granularity: 'word' }).segment('Hi, you!')])].join('|')`,
			`5|[{"segment":"Hi","index":0,"input":"Hi, you!","isWordLike":true},{"segment":",","index":2,"input":"Hi, you!","isWordLike":false},{"segment":" ","index":3,"input":"Hi, you!","isWordLike":false},{"segment":"you","index":4,"input":"Hi, you!","isWordLike":true},{"segment":"!","index":7,"input":"Hi, you!","isWordLike":false}]`},
		{`const nf = new Intl.NumberFormat(); [typeof nf.format, nf.format === nf.format, nf.format === new Intl.NumberFormat().format, Intl.NumberFormat().format(1000), new Intl.NumberFormat() instanceof Intl.NumberFormat].join()`,
			"function,true,false,1,000,true"},
	}
	for _, tc := range tests {
		got := strings.ReplaceAll(run(tc.src).String(), "\u202f", "NNBSP")
		want := strings.ReplaceAll(strings.ReplaceAll(tc.want, " PM", "NNBSPPM"), " AM", "NNBSPAM")
		if got != want {
			t.Errorf("%s\n got  %q\n want %q", tc.src, got, want)
		}
	}
}
