import superjson from 'superjson'

class Money {
  constructor(cents, currency) {
    this.cents = cents
    this.currency = currency
  }
}
superjson.registerClass(Money, { identifier: 'Money' })

export default function handler(req, res) {
  if (req.method === 'POST') {
    // The client sent superjson's { json, meta }: rebuild the real values.
    const value = superjson.deserialize(req.body)
    return res.json({
      createdAt: value.createdAt instanceof Date ? value.createdAt.toISOString() : null,
      tags: value.tags instanceof Set ? [...value.tags] : null,
      big: typeof value.big === 'bigint' ? (value.big * 2n).toString() : null,
      map: value.map instanceof Map ? Object.fromEntries(value.map) : null,
      undef: 'nothing' in value && value.nothing === undefined,
      regex: value.re instanceof RegExp ? value.re.flags : null,
    })
  }
  const data = {
    createdAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    map: new Map([['a', 1], ['b', { nested: new Date(0) }]]),
    set: new Set([1, 2, 2, 3]),
    big: 12345678901234567890n,
    nothing: undefined,
    re: /ab+c/gi,
    nan: NaN,
    inf: -Infinity,
    err: new Error('boom'),
    url: new URL('https://example.com/a?b=c'),
    money: new Money(1999, 'EUR'),
  }
  const str = superjson.stringify(data)
  const back = superjson.parse(str)
  res.setHeader('Content-Type', 'application/json')
  res.send(
    JSON.stringify({
      wire: JSON.parse(str),
      roundTrip: {
        date: back.createdAt instanceof Date && back.createdAt.getTime() === data.createdAt.getTime(),
        map: back.map instanceof Map && back.map.get('b').nested instanceof Date,
        set: back.set instanceof Set && back.set.size,
        big: typeof back.big === 'bigint' && back.big === data.big,
        re: back.re instanceof RegExp && back.re.source,
        nan: Number.isNaN(back.nan),
        err: back.err instanceof Error && back.err.message,
        url: back.url instanceof URL && back.url.href,
        money: back.money instanceof Money && back.money.cents,
      },
    }),
  )
}
