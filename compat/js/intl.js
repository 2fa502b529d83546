'use strict';
// internal/intl — a small Intl for goja: every locale is served as en-US
// (resolvedOptions().locale is 'en-US'), formatted as ICU 74 does in Node 20.
// NumberFormat (decimal, percent, currency, unit basics, compact, significant
// and fraction digits, sign display), DateTimeFormat (components and
// date/time styles, UTC and IANA zones through Go's tz database),
// Collator (Go's collation), PluralRules, RelativeTimeFormat, ListFormat,
// Segmenter (approximate graphemes and words), Locale and DisplayNames
// stubs, getCanonicalLocales and supportedValuesOf.

const natives = require('internal/intl_natives');

const LOCALE = 'en-US';
const NNBSP = '\u202f';
const NBSP = '\u00a0';

function rangeError(msg) { return new RangeError(msg); }

function canonicalizeLocale(tag) {
  if (typeof tag !== 'string' && (typeof tag !== 'object' || tag === null)) {
    throw new TypeError('Language ID should be string or object.');
  }
  const s = String(tag instanceof Locale ? tag.baseName : tag);
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(s.replace(/_/g, '-')) || s.includes('_')) {
    throw rangeError('Incorrect locale information provided');
  }
  return s.split('-').map((p, i) => {
    if (i === 0) return p.toLowerCase();
    if (p.length === 2) return p.toUpperCase();
    if (p.length === 4) return p[0].toUpperCase() + p.slice(1).toLowerCase();
    return p.toLowerCase();
  }).join('-');
}

function canonicalLocaleList(locales) {
  if (locales === undefined) return [];
  const list = typeof locales === 'string' || locales instanceof Locale ? [locales] : Array.from(Object(locales));
  const out = [];
  for (const l of list) {
    const c = canonicalizeLocale(l);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function getOption(options, name, allowed, fallback) {
  let v = options[name];
  if (v === undefined) return fallback;
  if (typeof allowed === 'boolean') return Boolean(v);
  v = String(v);
  if (allowed && !allowed.includes(v)) {
    throw rangeError(`Value ${v} out of range for Intl.${this || 'NumberFormat'} options property ${name}`);
  }
  return v;
}

function getNumberOption(options, name, min, max, fallback) {
  let v = options[name];
  if (v === undefined) return fallback;
  v = Number(v);
  if (Number.isNaN(v) || v < min || v > max) throw rangeError(`${name} value is out of range.`);
  return Math.floor(v);
}

function toOptions(options) {
  if (options === undefined) return Object.create(null);
  if (options === null) throw new TypeError('Cannot convert undefined or null to object');
  return Object(options);
}

function supportedLocalesOf(locales) {
  return canonicalLocaleList(locales);
}

function setTag(proto, tag) {
  Object.defineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true });
}

// ---------------------------------------------------------------- numbers

// Decimal digits of a finite number or bigint: value = 0.digits × 10^point.
function decimalOf(x) {
  let s = typeof x === 'bigint' ? String(x < 0n ? -x : x) : String(Math.abs(x));
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) { exp = Number(s.slice(e + 1)); s = s.slice(0, e); }
  let point = s.indexOf('.');
  if (point < 0) point = s.length; else s = s.slice(0, point) + s.slice(point + 1);
  point += exp;
  const lead = s.match(/^0*/)[0].length;
  s = s.slice(lead); point -= lead;
  s = s.replace(/0+$/, '');
  if (!s) return { digits: '', point: 1 };
  return { digits: s, point };
}

// Round to keep n digits (n may be <= 0) with half-expand.
function roundDigits(d, n) {
  if (d.digits.length <= n) return d;
  if (n < 0) return { digits: '', point: 1 };
  const up = d.digits.charCodeAt(n) >= 53; // '5'
  let digits = d.digits.slice(0, n);
  let point = d.point;
  if (up) {
    let i = digits.length - 1;
    const arr = digits.split('');
    while (i >= 0 && arr[i] === '9') { arr[i] = '0'; i--; }
    if (i < 0) { arr.unshift('1'); point++; } else arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
    digits = arr.join('');
  }
  digits = digits.replace(/0+$/, '');
  if (!digits) return { digits: '', point: 1 };
  return { digits, point };
}

function intAndFrac(d, minInt, minFrac) {
  let int, frac;
  if (!d.digits) { int = '0'; frac = ''; } else if (d.point <= 0) {
    int = '0'; frac = '0'.repeat(-d.point) + d.digits;
  } else if (d.point >= d.digits.length) {
    int = d.digits + '0'.repeat(d.point - d.digits.length); frac = '';
  } else {
    int = d.digits.slice(0, d.point); frac = d.digits.slice(d.point);
  }
  if (int.length < minInt) int = '0'.repeat(minInt - int.length) + int;
  if (frac.length < minFrac) frac += '0'.repeat(minFrac - frac.length);
  return { int, frac };
}

const currencySymbols = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥', INR: '₹', KRW: '₩', CAD: 'CA$', AUD: 'A$',
  MXN: 'MX$', BRL: 'R$', ILS: '₪', VND: '₫', NZD: 'NZ$', HKD: 'HK$', TWD: 'NT$', PHP: '₱', XAF: 'FCFA',
  XOF: 'F\u202fCFA', XPF: 'CFPF', XCD: 'EC$',
};
const currencyNarrow = { CAD: '$', AUD: '$', MXN: '$', NZD: '$', HKD: '$', TWD: '$', CNY: '¥', BRL: 'R$', CHF: 'CHF', SEK: 'kr', NOK: 'kr', DKK: 'kr', RUB: '₽', TRY: '₺', UAH: '₴', PLN: 'zł' };
const currencyNames = {
  USD: ['US dollar', 'US dollars'], EUR: ['euro', 'euros'], GBP: ['British pound', 'British pounds'],
  JPY: ['Japanese yen', 'Japanese yen'], CAD: ['Canadian dollar', 'Canadian dollars'],
  AUD: ['Australian dollar', 'Australian dollars'], CHF: ['Swiss franc', 'Swiss francs'],
  CNY: ['Chinese yuan', 'Chinese yuan'], INR: ['Indian rupee', 'Indian rupees'],
};
const zeroDigitCurrencies = ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
const threeDigitCurrencies = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'];

const units = {
  // unit: [short singular, short plural, long singular, long plural, narrow]
  byte: ['byte', 'byte', 'byte', 'bytes', 'B'], kilobyte: ['kB', 'kB', 'kilobyte', 'kilobytes', 'kB'],
  megabyte: ['MB', 'MB', 'megabyte', 'megabytes', 'MB'], gigabyte: ['GB', 'GB', 'gigabyte', 'gigabytes', 'GB'],
  terabyte: ['TB', 'TB', 'terabyte', 'terabytes', 'TB'], petabyte: ['PB', 'PB', 'petabyte', 'petabytes', 'PB'],
  bit: ['bit', 'bit', 'bit', 'bits', 'bit'], kilobit: ['kb', 'kb', 'kilobit', 'kilobits', 'kb'], megabit: ['Mb', 'Mb', 'megabit', 'megabits', 'Mb'],
  millisecond: ['ms', 'ms', 'millisecond', 'milliseconds', 'ms'], second: ['sec', 'sec', 'second', 'seconds', 's'],
  minute: ['min', 'min', 'minute', 'minutes', 'm'], hour: ['hr', 'hr', 'hour', 'hours', 'h'],
  day: ['day', 'days', 'day', 'days', 'd'], week: ['wk', 'wks', 'week', 'weeks', 'w'],
  month: ['mth', 'mths', 'month', 'months', 'm'], year: ['yr', 'yrs', 'year', 'years', 'y'],
  meter: ['m', 'm', 'meter', 'meters', 'm'], kilometer: ['km', 'km', 'kilometer', 'kilometers', 'km'],
  centimeter: ['cm', 'cm', 'centimeter', 'centimeters', 'cm'], mile: ['mi', 'mi', 'mile', 'miles', 'mi'],
  kilogram: ['kg', 'kg', 'kilogram', 'kilograms', 'kg'], gram: ['g', 'g', 'gram', 'grams', 'g'],
  percent: ['%', '%', 'percent', 'percent', '%'], celsius: ['°C', '°C', 'degree Celsius', 'degrees Celsius', '°C'],
  fahrenheit: ['°F', '°F', 'degree Fahrenheit', 'degrees Fahrenheit', '°'], liter: ['L', 'L', 'liter', 'liters', 'L'],
};

class NumberFormat {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    const o = this._o = { locale: LOCALE, numberingSystem: 'latn' };
    o.style = getOption(options, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal');
    let currency = options.currency;
    if (currency !== undefined) {
      currency = String(currency);
      if (!/^[A-Za-z]{3}$/.test(currency)) throw rangeError('Invalid currency code : ' + currency);
      currency = currency.toUpperCase();
    }
    if (o.style === 'currency') {
      if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
      o.currency = currency;
      o.currencyDisplay = getOption(options, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol');
      o.currencySign = getOption(options, 'currencySign', ['standard', 'accounting'], 'standard');
    }
    if (o.style === 'unit') {
      const unit = options.unit;
      if (unit === undefined) throw new TypeError('Unit is required with unit style.');
      o.unit = String(unit);
      o.unitDisplay = getOption(options, 'unitDisplay', ['short', 'narrow', 'long'], 'short');
    }
    const notation = getOption(options, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard');
    let cd = 2;
    if (o.style === 'currency' && notation === 'standard') {
      cd = zeroDigitCurrencies.includes(o.currency) ? 0 : threeDigitCurrencies.includes(o.currency) ? 3 : 2;
    }
    const mnfdDefault = o.style === 'currency' && notation === 'standard' ? cd : 0;
    const mxfdDefault = o.style === 'currency' && notation === 'standard' ? cd : o.style === 'percent' ? 0 : 3;
    o.minimumIntegerDigits = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
    const mnsd = options.minimumSignificantDigits;
    const mxsd = options.maximumSignificantDigits;
    const mnfd = options.minimumFractionDigits;
    const mxfd = options.maximumFractionDigits;
    this._compactAuto = false;
    if (mnsd !== undefined || mxsd !== undefined) {
      o.minimumSignificantDigits = getNumberOption(options, 'minimumSignificantDigits', 1, 21, 1);
      o.maximumSignificantDigits = getNumberOption(options, 'maximumSignificantDigits', o.minimumSignificantDigits, 21, 21);
    } else if (mnfd !== undefined || mxfd !== undefined) {
      let lo = getNumberOption(options, 'minimumFractionDigits', 0, 100, undefined);
      let hi = getNumberOption(options, 'maximumFractionDigits', 0, 100, undefined);
      if (lo === undefined) lo = Math.min(mnfdDefault, hi);
      else if (hi === undefined) hi = Math.max(mxfdDefault, lo);
      else if (lo > hi) throw rangeError('maximumFractionDigits value is out of range.');
      o.minimumFractionDigits = lo;
      o.maximumFractionDigits = hi;
    } else if (notation === 'compact') {
      this._compactAuto = true;
    } else {
      o.minimumFractionDigits = mnfdDefault;
      o.maximumFractionDigits = mxfdDefault;
    }
    let grouping = options.useGrouping;
    if (grouping === undefined) grouping = notation === 'compact' ? 'min2' : 'auto';
    else if (grouping === true || grouping === 'true') grouping = 'always';
    else if (grouping === false || grouping === 'false' || grouping === null || grouping === '') grouping = false;
    else grouping = String(grouping);
    o.useGrouping = grouping;
    o.notation = notation;
    if (notation === 'compact') o.compactDisplay = getOption(options, 'compactDisplay', ['short', 'long'], 'short');
    o.signDisplay = getOption(options, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto');
    o.roundingMode = 'halfExpand';
    o.roundingIncrement = 1;
    o.trailingZeroDisplay = getOption(options, 'trailingZeroDisplay', ['auto', 'stripIfInteger'], 'auto');
    o.roundingPriority = 'auto';
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  get format() {
    const bound = (v) => this._format(v).map((p) => p.value).join('');
    Object.defineProperty(this, 'format', { value: bound, configurable: true, writable: true });
    return bound;
  }

  formatToParts(v) { return this._format(v); }

  resolvedOptions() {
    const out = {};
    for (const k of ['locale', 'numberingSystem', 'style', 'currency', 'currencyDisplay', 'currencySign', 'unit', 'unitDisplay',
      'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits',
      'maximumSignificantDigits', 'useGrouping', 'notation', 'compactDisplay', 'signDisplay', 'roundingMode',
      'roundingIncrement', 'trailingZeroDisplay', 'roundingPriority']) {
      if (this._o[k] !== undefined) out[k] = this._o[k];
    }
    return out;
  }

  _round(d) {
    const o = this._o;
    if (o.maximumSignificantDigits !== undefined) {
      d = roundDigits(d, o.maximumSignificantDigits);
      const { int, frac } = intAndFrac(d, o.minimumIntegerDigits, 0);
      // pad to the minimum significant digits
      const sig = (int.replace(/^0+/, '') + frac).length || 1;
      const extra = Math.max(0, o.minimumSignificantDigits - (d.digits ? Math.max(sig, d.digits.length) : 1));
      return { int, frac: frac + '0'.repeat(extra) };
    }
    if (this._compactAuto) {
      const intDigits = d.point;
      d = intDigits >= 2 ? roundDigits(d, d.point) : roundDigits(d, Math.max(2, 2 - intDigits + (intDigits < 1 ? 0 : 0)));
      if (intDigits < 1) d = roundDigits(d, 2);
      return intAndFrac(d, o.minimumIntegerDigits, 0);
    }
    d = roundDigits(d, d.point + o.maximumFractionDigits);
    let r = intAndFrac(d, o.minimumIntegerDigits, o.minimumFractionDigits);
    if (o.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(r.frac)) r.frac = '';
    return r;
  }

  _format(v) {
    const o = this._o;
    let x = v;
    if (typeof x !== 'bigint') {
      if (typeof x === 'string' && /^\s*-?\d+\s*$/.test(x) && x.trim().length > 15) x = BigInt(x.trim());
      else x = Number(x);
    }
    const parts = [];
    const negative = typeof x === 'bigint' ? x < 0n : (x < 0 || Object.is(x, -0));
    let d = null;
    let compactSuffix = '';
    if (typeof x === 'bigint' || Number.isFinite(x)) {
      d = decimalOf(x);
      if (o.style === 'percent') d = { digits: d.digits, point: d.point + 2 };
      if (o.notation === 'compact' && d.digits) {
        let exp = Math.min(12, Math.floor((d.point - 1) / 3) * 3);
        if (exp >= 3) {
          let scaled = { digits: d.digits, point: d.point - exp };
          const r = this._round(scaled);
          if (r.int.length > 3 && exp < 12) { exp += 3; scaled = { digits: d.digits, point: d.point - exp }; }
          d = { digits: scaled.digits, point: scaled.point };
          const short = { 3: 'K', 6: 'M', 9: 'B', 12: 'T' };
          const long = { 3: ' thousand', 6: ' million', 9: ' billion', 12: ' trillion' };
          compactSuffix = o.compactDisplay === 'long' ? long[exp] : short[exp];
        }
      }
    }
    let isZero = false;
    let body = [];
    if (d === null) {
      body.push(Number.isNaN(x) ? { type: 'nan', value: 'NaN' } : { type: 'infinity', value: '∞' });
    } else {
      const { int, frac } = this._round(d);
      isZero = /^0*$/.test(int + frac);
      const group = o.useGrouping === 'always' || o.useGrouping === 'auto' || (o.useGrouping === 'min2' && int.length >= 5);
      if (group && int.length > 3) {
        const first = int.length % 3 || 3;
        body.push({ type: 'integer', value: int.slice(0, first) });
        for (let i = first; i < int.length; i += 3) {
          body.push({ type: 'group', value: ',' });
          body.push({ type: 'integer', value: int.slice(i, i + 3) });
        }
      } else {
        body.push({ type: 'integer', value: int });
      }
      if (frac) {
        body.push({ type: 'decimal', value: '.' });
        body.push({ type: 'fraction', value: frac });
      }
      if (compactSuffix) {
        if (compactSuffix[0] === ' ') body.push({ type: 'literal', value: ' ' }, { type: 'compact', value: compactSuffix.slice(1) });
        else body.push({ type: 'compact', value: compactSuffix });
      }
    }
    const nanValue = d === null && Number.isNaN(x);
    let sign = '';
    switch (o.signDisplay) {
      case 'auto': sign = negative && !nanValue ? '-' : ''; break;
      case 'always': sign = nanValue ? '+' : negative ? '-' : '+'; break;
      case 'exceptZero': sign = isZero || nanValue ? '' : negative ? '-' : '+'; break;
      case 'negative': sign = negative && !isZero && !nanValue ? '-' : ''; break;
      case 'never': sign = ''; break;
    }
    const accounting = o.style === 'currency' && o.currencySign === 'accounting' && sign === '-';
    const signPart = sign === '-' ? { type: 'minusSign', value: '-' } : sign === '+' ? { type: 'plusSign', value: '+' } : null;
    if (signPart && !accounting) parts.push(signPart);
    if (accounting) parts.push({ type: 'literal', value: '(' });
    if (o.style === 'currency') {
      const code = o.currency;
      let plural = !(d && d.digits === '1' && d.point === 1 && !body.some((p) => p.type === 'fraction'));
      if (o.currencyDisplay === 'name') {
        const names = currencyNames[code] || [code, code];
        parts.push(...body, { type: 'literal', value: ' ' }, { type: 'currency', value: names[plural ? 1 : 0] });
      } else {
        let sym = code;
        if (o.currencyDisplay === 'symbol') sym = currencySymbols[code] || code;
        else if (o.currencyDisplay === 'narrowSymbol') sym = currencyNarrow[code] || currencySymbols[code] || code;
        parts.push({ type: 'currency', value: sym });
        if (/[A-Za-z]$/.test(sym)) parts.push({ type: 'literal', value: NBSP });
        parts.push(...body);
      }
    } else if (o.style === 'percent') {
      parts.push(...body, { type: 'percentSign', value: '%' });
    } else if (o.style === 'unit') {
      const u = units[o.unit];
      const one = d && d.digits === '1' && d.point === 1 && !body.some((p) => p.type === 'fraction');
      if (o.unit === 'percent') {
        parts.push(...body, { type: 'unit', value: o.unitDisplay === 'long' ? ' percent' : '%' });
      } else if (!u) {
        parts.push(...body, { type: 'literal', value: ' ' }, { type: 'unit', value: o.unit });
      } else if (o.unitDisplay === 'narrow') {
        const nw = u[4];
        if (/^[°%]/.test(nw) || nw.length === 1) parts.push(...body, { type: 'unit', value: nw });
        else parts.push(...body, { type: 'literal', value: ' ' }, { type: 'unit', value: nw });
      } else {
        const label = o.unitDisplay === 'long' ? (one ? u[2] : u[3]) : (one ? u[0] : u[1]);
        parts.push(...body, { type: 'literal', value: ' ' }, { type: 'unit', value: label });
      }
    } else {
      parts.push(...body);
    }
    if (accounting) parts.push({ type: 'literal', value: ')' });
    return parts;
  }
}
setTag(NumberFormat.prototype, 'Intl.NumberFormat');

// ------------------------------------------------------------------ dates

const monthsLong = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysLong = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const dateFields = ['weekday', 'year', 'month', 'day'];
const timeFields = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];

class DateTimeFormat {
  constructor(locales, options, required = 'any', defaults = 'date') {
    canonicalLocaleList(locales);
    options = toOptions(options);
    const o = this._o = { locale: LOCALE, calendar: 'gregory', numberingSystem: 'latn' };
    const opt = (name, allowed) => getOption.call('DateTimeFormat', options, name, allowed, undefined);
    let tz = options.timeZone;
    o.timeZone = tz === undefined ? natives.localZone() : natives.zone(String(tz));
    const hour12 = options.hour12;
    const hourCycle = opt('hourCycle', ['h11', 'h12', 'h23', 'h24']);
    const f = {
      weekday: opt('weekday', ['narrow', 'short', 'long']),
      era: opt('era', ['narrow', 'short', 'long']),
      year: opt('year', ['2-digit', 'numeric']),
      month: opt('month', ['2-digit', 'numeric', 'narrow', 'short', 'long']),
      day: opt('day', ['2-digit', 'numeric']),
      dayPeriod: opt('dayPeriod', ['narrow', 'short', 'long']),
      hour: opt('hour', ['2-digit', 'numeric']),
      minute: opt('minute', ['2-digit', 'numeric']),
      second: opt('second', ['2-digit', 'numeric']),
      fractionalSecondDigits: options.fractionalSecondDigits === undefined ? undefined : getNumberOption(options, 'fractionalSecondDigits', 1, 3, undefined),
      timeZoneName: opt('timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']),
    };
    const dateStyle = opt('dateStyle', ['full', 'long', 'medium', 'short']);
    const timeStyle = opt('timeStyle', ['full', 'long', 'medium', 'short']);
    if (dateStyle || timeStyle) {
      for (const k of Object.keys(f)) {
        if (f[k] !== undefined) throw new TypeError(`Can't set option ${k} when ${dateStyle ? 'dateStyle' : 'timeStyle'} is used`);
      }
      this._dateStyle = dateStyle;
      this._timeStyle = timeStyle;
      if (dateStyle && required === 'time') throw new TypeError('Invalid option : dateStyle');
      if (timeStyle && required === 'date') throw new TypeError('Invalid option : timeStyle');
    } else {
      let need = true;
      if (required !== 'time' && dateFields.some((k) => f[k] !== undefined)) need = false;
      if (required !== 'date' && timeFields.some((k) => f[k] !== undefined)) need = false;
      if (need && (defaults === 'date' || defaults === 'all')) { f.year = f.month = f.day = 'numeric'; }
      if (need && (defaults === 'time' || defaults === 'all')) { f.hour = f.minute = f.second = 'numeric'; }
    }
    this._f = f;
    if (f.hour !== undefined || timeStyle) {
      let hc = 'h12';
      if (hour12 !== undefined) hc = hour12 ? 'h12' : 'h24';
      else if (hourCycle) hc = hourCycle;
      o.hourCycle = hc;
      o.hour12 = hc === 'h11' || hc === 'h12';
    }
    for (const k of ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName']) {
      if (f[k] !== undefined) o[k] = f[k];
    }
    if (o.minute !== undefined && o.hour !== undefined) o.minute = '2-digit';
    if (o.second !== undefined && (o.minute !== undefined || o.hour !== undefined)) o.second = '2-digit';
    if (dateStyle) o.dateStyle = dateStyle;
    if (timeStyle) o.timeStyle = timeStyle;
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  get format() {
    const bound = (date) => this.formatToParts(date).map((p) => p.value).join('');
    Object.defineProperty(this, 'format', { value: bound, configurable: true, writable: true });
    return bound;
  }

  formatRange(a, b) {
    const x = this.format(a);
    const y = this.format(b);
    return x === y ? x : x + ' – ' + y;
  }

  resolvedOptions() { return Object.assign({}, this._o); }

  formatToParts(date) {
    const ms = date === undefined ? Date.now() : Number(date instanceof Date ? date.getTime() : date);
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw rangeError('Invalid time value');
    const zone = natives.offset(this._o.timeZone, ms);
    const w = new Date(ms + zone[0] * 60000);
    const t = {
      year: w.getUTCFullYear(), month: w.getUTCMonth(), day: w.getUTCDate(), weekday: w.getUTCDay(),
      hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds(), ms: w.getUTCMilliseconds(),
      offset: zone[0], abbr: zone[1], zone: this._o.timeZone,
    };
    let f = this._f;
    let dateSep = ', ';
    if (this._dateStyle || this._timeStyle) {
      f = {};
      const ds = this._dateStyle;
      const ts = this._timeStyle;
      if (ds === 'full') Object.assign(f, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
      if (ds === 'long') Object.assign(f, { month: 'long', day: 'numeric', year: 'numeric' });
      if (ds === 'medium') Object.assign(f, { month: 'short', day: 'numeric', year: 'numeric' });
      if (ds === 'short') Object.assign(f, { month: 'numeric', day: 'numeric', year: '2-digit' });
      if (ts) Object.assign(f, { hour: 'numeric', minute: '2-digit' });
      if (ts && ts !== 'short') f.second = '2-digit';
      if (ts === 'full') f.timeZoneName = 'long';
      if (ts === 'long') f.timeZoneName = 'short';
      dateSep = ds === 'full' || ds === 'long' ? ' at ' : ', ';
    } else if (f.month === 'long') {
      dateSep = ' at ';
    }
    const parts = [];
    const lit = (v) => parts.push({ type: 'literal', value: v });
    const pad = (n, style) => (style === '2-digit' ? String(n).padStart(2, '0').slice(-2) : String(n));
    // date
    const hasDate = f.weekday || f.year || f.month || f.day;
    if (hasDate) {
      const textMonth = f.month === 'long' || f.month === 'short' || f.month === 'narrow';
      const wd = f.weekday && (f.weekday === 'long' ? daysLong[t.weekday] : f.weekday === 'short' ? daysLong[t.weekday].slice(0, 3) : daysLong[t.weekday][0]);
      const yr = f.year && (f.year === '2-digit' ? pad(t.year % 100, '2-digit') : String(t.year));
      const eraText = f.era && (t.year > 0 ? { long: 'Anno Domini', short: 'AD', narrow: 'A' } : { long: 'Before Christ', short: 'BC', narrow: 'B' })[f.era];
      if (wd) {
        parts.push({ type: 'weekday', value: wd });
        if (f.year || f.month || f.day) lit(', ');
      }
      if (textMonth) {
        const mn = f.month === 'long' ? monthsLong[t.month] : f.month === 'short' ? monthsLong[t.month].slice(0, 3) : monthsLong[t.month][0];
        parts.push({ type: 'month', value: mn });
        if (f.day) { lit(' '); parts.push({ type: 'day', value: pad(t.day, f.day) }); }
        if (yr) { lit(f.day ? ', ' : ' '); parts.push({ type: 'year', value: yr }); }
      } else {
        const seq = [];
        if (f.month) seq.push({ type: 'month', value: pad(t.month + 1, f.month) });
        if (f.day) seq.push({ type: 'day', value: pad(t.day, f.day) });
        if (yr) seq.push({ type: 'year', value: yr });
        seq.forEach((p, i) => { if (i) lit('/'); parts.push(p); });
      }
      if (eraText) { lit(' '); parts.push({ type: 'era', value: eraText }); }
    }
    // time
    const hasTime = f.hour || f.minute || f.second || f.fractionalSecondDigits;
    if (hasTime) {
      if (hasDate) lit(dateSep);
      const hc = this._o.hourCycle || 'h12';
      if (f.hour) {
        let h = t.hour;
        if (hc === 'h12') h = h % 12 || 12;
        else if (hc === 'h11') h = h % 12;
        else if (hc === 'h24') h = h || 24;
        const twelve = hc === 'h12' || hc === 'h11';
        parts.push({ type: 'hour', value: twelve ? pad(h, f.hour) : String(h).padStart(2, '0') });
        if (f.minute) { lit(':'); parts.push({ type: 'minute', value: pad(t.minute, '2-digit') }); }
        if (f.second) { lit(':'); parts.push({ type: 'second', value: pad(t.second, '2-digit') }); }
      } else if (f.minute) {
        // ICU shows a lone minute unpadded, whatever the option says.
        parts.push({ type: 'minute', value: f.second ? pad(t.minute, '2-digit') : String(t.minute) });
        if (f.second) { lit(':'); parts.push({ type: 'second', value: pad(t.second, '2-digit') }); }
      } else if (f.second) {
        parts.push({ type: 'second', value: pad(t.second, f.second) });
      }
      if (f.fractionalSecondDigits) {
        if (f.second || f.minute || f.hour) lit('.');
        parts.push({ type: 'fractionalSecond', value: String(t.ms).padStart(3, '0').slice(0, f.fractionalSecondDigits) });
      }
      if (f.hour && (hc === 'h12' || hc === 'h11')) {
        lit(NNBSP);
        parts.push({ type: 'dayPeriod', value: t.hour < 12 ? 'AM' : 'PM' });
      }
    }
    if (f.timeZoneName) {
      lit(hasDate && !hasTime ? ', ' : ' ');
      parts.push({ type: 'timeZoneName', value: natives.zoneName(t.zone, t.offset, t.abbr, f.timeZoneName) });
    }
    return parts;
  }
}
setTag(DateTimeFormat.prototype, 'Intl.DateTimeFormat');

// ------------------------------------------------------------- collation

class Collator {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    const opt = (name, allowed, fb) => getOption.call('Collator', options, name, allowed, fb);
    const usage = opt('usage', ['sort', 'search'], 'sort');
    this._o = {
      locale: LOCALE,
      usage,
      sensitivity: opt('sensitivity', ['base', 'accent', 'case', 'variant'], 'variant'),
      ignorePunctuation: options.ignorePunctuation === undefined ? false : Boolean(options.ignorePunctuation),
      collation: 'default',
      numeric: options.numeric === undefined ? false : Boolean(options.numeric),
      caseFirst: opt('caseFirst', ['upper', 'lower', 'false'], 'false'),
    };
    const o = this._o;
    this._key = (o.numeric ? 'n' : '') + (o.ignorePunctuation ? 'p' : '') +
      (o.sensitivity === 'base' ? 'ci' : o.sensitivity === 'accent' ? 'c' : o.sensitivity === 'case' ? 'i' : '') +
      (o.caseFirst === 'upper' ? 'u' : '');
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  get compare() {
    const key = this._key;
    const bound = (a, b) => natives.compare(String(a), String(b), key);
    Object.defineProperty(this, 'compare', { value: bound, configurable: true, writable: true });
    return bound;
  }

  resolvedOptions() { return Object.assign({}, this._o); }
}
setTag(Collator.prototype, 'Intl.Collator');

// ---------------------------------------------------------------- plurals

class PluralRules {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    this._type = getOption.call('PluralRules', options, 'type', ['cardinal', 'ordinal'], 'cardinal');
    const nfOpts = {};
    for (const k of ['minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits', 'maximumSignificantDigits']) {
      if (options[k] !== undefined) nfOpts[k] = options[k];
    }
    this._nf = new NumberFormat(LOCALE, nfOpts);
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  select(n) {
    n = Number(n);
    if (!Number.isFinite(n)) return 'other';
    const s = this._nf._format(Math.abs(n)).map((p) => p.value).join('').replace(/,/g, '');
    if (this._type === 'ordinal') {
      if (s.includes('.')) return 'other';
      const i = Number(s);
      if (i % 10 === 1 && i % 100 !== 11) return 'one';
      if (i % 10 === 2 && i % 100 !== 12) return 'two';
      if (i % 10 === 3 && i % 100 !== 13) return 'few';
      return 'other';
    }
    return s === '1' ? 'one' : 'other';
  }

  selectRange(a, b) { return this.select(b); }

  resolvedOptions() {
    const nf = this._nf.resolvedOptions();
    const out = { locale: LOCALE, type: this._type, minimumIntegerDigits: nf.minimumIntegerDigits };
    if (nf.minimumSignificantDigits !== undefined) {
      out.minimumSignificantDigits = nf.minimumSignificantDigits;
      out.maximumSignificantDigits = nf.maximumSignificantDigits;
    } else {
      out.minimumFractionDigits = nf.minimumFractionDigits;
      out.maximumFractionDigits = nf.maximumFractionDigits;
    }
    out.pluralCategories = this._type === 'ordinal' ? ['few', 'one', 'two', 'other'] : ['one', 'other'];
    return out;
  }
}
setTag(PluralRules.prototype, 'Intl.PluralRules');

// ---------------------------------------------------- relative time, lists

const rtfUnits = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];
const rtfShort = { second: 'sec.', minute: 'min.', hour: 'hr.', day: ['day', 'days'], week: 'wk.', month: 'mo.', quarter: ['qtr.', 'qtrs.'], year: 'yr.' };
const rtfAuto = {
  day: { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' },
  year: { '-1': 'last year', 0: 'this year', 1: 'next year' },
  month: { '-1': 'last month', 0: 'this month', 1: 'next month' },
  week: { '-1': 'last week', 0: 'this week', 1: 'next week' },
  quarter: { '-1': 'last quarter', 0: 'this quarter', 1: 'next quarter' },
  hour: { 0: 'this hour' }, minute: { 0: 'this minute' }, second: { 0: 'now' },
};

class RelativeTimeFormat {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    this._o = {
      locale: LOCALE,
      style: getOption.call('RelativeTimeFormat', options, 'style', ['long', 'short', 'narrow'], 'long'),
      numeric: getOption.call('RelativeTimeFormat', options, 'numeric', ['always', 'auto'], 'always'),
      numberingSystem: 'latn',
    };
    this._nf = new NumberFormat(LOCALE);
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  format(value, unit) {
    return this.formatToParts(value, unit).map((p) => p.value).join('');
  }

  formatToParts(value, unit) {
    value = Number(value);
    if (!Number.isFinite(value)) throw rangeError('Invalid number value');
    unit = String(unit);
    const u = unit.endsWith('s') ? unit.slice(0, -1) : unit;
    if (!rtfUnits.includes(u)) throw rangeError('Invalid unit argument for format() \'' + unit + '\'');
    if (this._o.numeric === 'auto') {
      const word = rtfAuto[u] && rtfAuto[u][String(value)];
      if (word !== undefined && !Object.is(value, -0)) return [{ type: 'literal', value: word }];
    }
    const neg = value < 0 || Object.is(value, -0);
    const abs = Math.abs(value);
    const num = this._nf._format(abs).map((p) => Object.assign({}, p, { unit: u }));
    const one = this._nf.format(abs) === '1';
    let label;
    if (this._o.style === 'long') label = one ? u : u + 's';
    else { const s = rtfShort[u]; label = Array.isArray(s) ? s[one ? 0 : 1] : s; }
    if (neg) return [...num, { type: 'literal', value: ' ' + label + ' ago' }];
    return [{ type: 'literal', value: 'in ' }, ...num, { type: 'literal', value: ' ' + label }];
  }

  resolvedOptions() { return Object.assign({}, this._o); }
}
setTag(RelativeTimeFormat.prototype, 'Intl.RelativeTimeFormat');

class ListFormat {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    this._o = {
      locale: LOCALE,
      type: getOption.call('ListFormat', options, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction'),
      style: getOption.call('ListFormat', options, 'style', ['long', 'short', 'narrow'], 'long'),
    };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  format(list) { return this.formatToParts(list).map((p) => p.value).join(''); }

  formatToParts(list) {
    const items = [];
    for (const x of list) {
      if (typeof x !== 'string') throw new TypeError('Iterable yielded ' + String(x) + ' which is not a string');
      items.push(x);
    }
    const { type, style } = this._o;
    let last;
    let pair;
    let sep = ', ';
    if (type === 'unit') {
      sep = style === 'narrow' ? ' ' : ', ';
      last = sep; pair = sep;
    } else {
      const word = type === 'disjunction' ? 'or' : (style === 'long' ? 'and' : '&');
      last = (type === 'disjunction' || style === 'long') ? ', ' + word + ' ' : ', ' + word + ' ';
      if (type === 'conjunction' && style === 'narrow') last = ', ';
      pair = ' ' + word + ' ';
      if (type === 'conjunction' && style === 'narrow') pair = ', ';
    }
    const parts = [];
    items.forEach((v, i) => {
      if (i > 0) parts.push({ type: 'literal', value: items.length === 2 ? pair : i === items.length - 1 ? last : sep });
      parts.push({ type: 'element', value: v });
    });
    return parts;
  }

  resolvedOptions() { return Object.assign({}, this._o); }
}
setTag(ListFormat.prototype, 'Intl.ListFormat');

// -------------------------------------------------------------- segmenter

// Approximation: a grapheme is a code point with the combining marks,
// variation selectors, emoji modifiers and ZWJ sequences that follow it.
function isExtender(cp) {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x200d || (cp >= 0xe0020 && cp <= 0xe007f);
}

function graphemes(s) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    const start = i;
    let cp = s.codePointAt(i);
    i += cp > 0xffff ? 2 : 1;
    if (cp === 0x0d && s.charCodeAt(i) === 0x0a) i++;
    let riPair = cp >= 0x1f1e6 && cp <= 0x1f1ff;
    while (i < s.length) {
      const next = s.codePointAt(i);
      if (riPair && next >= 0x1f1e6 && next <= 0x1f1ff) { i += 2; riPair = false; continue; }
      if (!isExtender(next)) break;
      i += next > 0xffff ? 2 : 1;
      if (next === 0x200d && i < s.length) { const j = s.codePointAt(i); i += j > 0xffff ? 2 : 1; }
    }
    out.push([start, s.slice(start, i)]);
  }
  return out;
}

function words(s) {
  const out = [];
  // goja lacks \p{...} in regexps: letters are approximated by script ranges.
  const re = /([A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+(?:['\u2019.][A-Za-z0-9_\u00c0-\u024f]+)*)|[ \t]+|[^]/g;
  let m;
  while ((m = re.exec(s)) !== null) out.push([m.index, m[0], m[1] !== undefined]);
  return out;
}

class Segmenter {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    this._o = { locale: LOCALE, granularity: getOption.call('Segmenter', options, 'granularity', ['grapheme', 'word', 'sentence'], 'grapheme') };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  segment(input) {
    const s = String(input);
    const g = this._o.granularity;
    let list;
    if (g === 'grapheme') list = graphemes(s).map(([index, segment]) => ({ segment, index, input: s }));
    else if (g === 'word') list = words(s).map(([index, segment, wl]) => ({ segment, index, input: s, isWordLike: wl }));
    else {
      list = [];
      const re = /[^.!?]+(?:[.!?]+\s*|$)/g;
      let m;
      while ((m = re.exec(s)) !== null && m[0]) list.push({ segment: m[0], index: m.index, input: s });
    }
    return {
      containing(i) {
        i = Number(i) || 0;
        return list.find((x) => i >= x.index && i < x.index + x.segment.length);
      },
      [Symbol.iterator]() { return list[Symbol.iterator](); },
    };
  }

  resolvedOptions() { return Object.assign({}, this._o); }
}
setTag(Segmenter.prototype, 'Intl.Segmenter');

// ---------------------------------------------------------- Locale & names

class Locale {
  constructor(tag, options) {
    const s = canonicalizeLocale(tag);
    const p = s.split('-');
    this.language = p[0];
    this.script = p.find((x, i) => i > 0 && x.length === 4);
    this.region = p.find((x, i) => i > 0 && (x.length === 2 || /^\d{3}$/.test(x)));
    if (options && options.region) this.region = String(options.region).toUpperCase();
    this.baseName = [this.language, this.script, this.region].filter(Boolean).join('-');
  }
  toString() { return this.baseName; }
  maximize() { return this; }
  minimize() { return this; }
}
setTag(Locale.prototype, 'Intl.Locale');

const regionNames = { US: 'United States', GB: 'United Kingdom', DE: 'Germany', FR: 'France', JP: 'Japan', CN: 'China', IN: 'India', CA: 'Canada', ES: 'Spain', IT: 'Italy', BR: 'Brazil', MX: 'Mexico', AU: 'Australia', NL: 'Netherlands' };
const languageNames = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', ja: 'Japanese', zh: 'Chinese', pt: 'Portuguese', ru: 'Russian', nl: 'Dutch', ko: 'Korean', ar: 'Arabic', hi: 'Hindi', 'en-US': 'American English', 'en-GB': 'British English' };

class DisplayNames {
  constructor(locales, options) {
    canonicalLocaleList(locales);
    options = toOptions(options);
    const type = options.type;
    if (type === undefined) throw new TypeError('Required option "type" is missing');
    this._o = {
      locale: LOCALE,
      style: getOption.call('DisplayNames', options, 'style', ['narrow', 'short', 'long'], 'long'),
      type: getOption.call('DisplayNames', options, 'type', ['language', 'region', 'script', 'currency', 'calendar', 'dateTimeField'], undefined),
      fallback: getOption.call('DisplayNames', options, 'fallback', ['code', 'none'], 'code'),
    };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }

  of(code) {
    code = String(code);
    const t = this._o.type;
    let name;
    if (t === 'region') name = regionNames[code.toUpperCase()];
    else if (t === 'language') name = languageNames[code];
    else if (t === 'currency') name = currencyNames[code.toUpperCase()] && currencyNames[code.toUpperCase()][0].replace(/^./, (c) => c.toUpperCase());
    if (name === undefined) return this._o.fallback === 'code' ? code : undefined;
    return name;
  }

  resolvedOptions() { return Object.assign({}, this._o); }
}
setTag(DisplayNames.prototype, 'Intl.DisplayNames');

// ------------------------------------------------------------------- Intl

function supportedValuesOf(key) {
  switch (String(key)) {
    case 'calendar': return ['gregory'];
    case 'collation': return ['default'];
    case 'currency': return Object.keys(currencySymbols).concat(['CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'RUB', 'TRY', 'ZAR', 'SGD']).concat(threeDigitCurrencies).sort();
    case 'numberingSystem': return ['latn'];
    case 'timeZone': return natives.timeZones();
    case 'unit': return Object.keys(units).sort();
    default: throw rangeError('Invalid key : ' + String(key));
  }
}

const Intl = {};
const defineHidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
defineHidden(Intl, 'getCanonicalLocales', function getCanonicalLocales(locales) { return canonicalLocaleList(locales); });
defineHidden(Intl, 'supportedValuesOf', supportedValuesOf);
for (const [name, ctor] of Object.entries({ DateTimeFormat, NumberFormat, Collator, PluralRules, RelativeTimeFormat, ListFormat, Locale, DisplayNames, Segmenter })) {
  // Intl.NumberFormat() and Intl.DateTimeFormat() work without new too.
  let exposed = ctor;
  if (name === 'NumberFormat' || name === 'DateTimeFormat' || name === 'Collator') {
    exposed = function (locales, options) { return new ctor(locales, options); };
    Object.defineProperty(exposed, 'name', { value: name });
    exposed.prototype = ctor.prototype;
    Object.defineProperty(ctor.prototype, 'constructor', { value: exposed, writable: true, configurable: true });
    exposed.supportedLocalesOf = ctor.supportedLocalesOf;
  }
  defineHidden(Intl, name, exposed);
}
Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });

// Helpers behind String/Number/BigInt/Date.prototype's locale methods.
const nfCache = new NumberFormat();
function formatNumber(x, locales, options) {
  if (typeof x === 'object' && x !== null) x = x.valueOf();
  if (locales === undefined && options === undefined) return nfCache.format(x);
  return new NumberFormat(locales, options).format(x);
}

const collatorCache = new Collator();
function compareStrings(a, b, locales, options) {
  if (locales === undefined && options === undefined) return collatorCache.compare(a, b);
  return new Collator(locales, options).compare(a, b);
}

function formatDate(date, locales, options, kind) {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const required = kind === 'any' ? 'any' : kind;
  const defaults = kind === 'any' ? 'all' : kind;
  return new DateTimeFormat(locales, options, required, defaults).format(date);
}

exports.Intl = Intl;
exports.formatNumber = formatNumber;
exports.compareStrings = compareStrings;
exports.formatDate = formatDate;
