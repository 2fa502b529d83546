import _ from 'lodash'
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import relativeTime from 'dayjs/plugin/relativeTime'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import { addDays, differenceInCalendarDays, format, formatISO, parseISO, startOfWeek, isValid, formatDistanceStrict } from 'date-fns'

dayjs.extend(utc)
dayjs.extend(relativeTime)
dayjs.extend(customParseFormat)

const orders = [
  { id: 1, customer: 'ann', total: 30, placed: '2024-02-27T10:00:00Z' },
  { id: 2, customer: 'bob', total: 12.5, placed: '2024-02-28T23:30:00Z' },
  { id: 3, customer: 'ann', total: 7.25, placed: '2024-03-01T08:15:00Z' },
]

export default function handler(req, res) {
  const d = dayjs.utc('2024-02-28T23:30:00Z')
  const p = parseISO('2024-02-28T23:30:00Z')
  res.json({
    lodash: {
      byCustomer: _.mapValues(_.groupBy(orders, 'customer'), (os) => _.sumBy(os, 'total')),
      sorted: _.map(_.orderBy(orders, ['total'], ['desc']), 'id'),
      chunk: _.chunk([1, 2, 3, 4, 5], 2),
      merged: _.merge({ a: { b: 1 } }, { a: { c: 2 } }),
      picked: _.pick(orders[0], ['id', 'total']),
      camel: _.camelCase('Foo Bar-baz'),
      kebab: _.kebabCase('fooBarBaz'),
      template: _.template('Hello <%= user %>!')({ user: 'Ann' }),
      get: _.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c'),
      uniq: _.uniqBy([{ n: 1 }, { n: 1 }, { n: 2 }], 'n').length,
      debounced: typeof _.debounce(() => {}, 10),
      isEqual: _.isEqual({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] }),
    },
    dayjs: {
      iso: d.toISOString(),
      formatted: d.format('YYYY-MM-DD HH:mm:ss [UTC] dddd MMMM'),
      plusMonth: d.add(1, 'month').format('YYYY-MM-DD'),
      startOfMonth: d.startOf('month').toISOString(),
      diffDays: dayjs.utc('2024-03-10').diff(d, 'day'),
      parsed: dayjs.utc('28/02/2024 11:30', 'DD/MM/YYYY HH:mm').toISOString(),
      from: d.from(dayjs.utc('2024-03-10T00:00:00Z')),
      leap: d.isValid() && dayjs.utc('2024-02-29').isValid(),
      unix: d.unix(),
    },
    dateFns: {
      plus3: formatISO(addDays(p, 3), { representation: 'date' }),
      diff: differenceInCalendarDays(parseISO('2024-03-10'), parseISO('2024-02-28')),
      formatted: format(new Date(2024, 1, 28, 23, 30), "EEEE, MMMM do yyyy 'at' HH:mm"),
      weekStart: format(startOfWeek(new Date(2024, 1, 28), { weekStartsOn: 1 }), 'yyyy-MM-dd'),
      invalid: isValid(parseISO('not a date')),
      distance: formatDistanceStrict(new Date(2024, 0, 1), new Date(2024, 0, 11)),
    },
  })
}
