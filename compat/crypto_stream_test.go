package compat

import "testing"

// Hash, Hmac and the ciphers are stream.Transforms as in Node (built
// lazily); expected values are Node 20's.

func TestCryptoStreams(t *testing.T) { runCryptoCases(t, cryptoStreamCases, true) }

var cryptoStreamCases = []cryptoCase{
	{"hash as stream", "new Promise((res) => { const h = c.createHash('sha256'); const out = []; h.on('readable', () => { const d = h.read(); if (d) out.push(d.toString('hex')); }); h.on('end', () => res(out)); h.write('ab'); h.end('c'); })", "[\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"]"},
	{"hash setEncoding", "new Promise((res) => { const h = c.createHash('sha1'); h.setEncoding('hex'); h.on('data', res); h.end('abc'); })", "\"a9993e364706816aba3e25717850c26c9cd0d89d\""},
	{"hmac piped", "new Promise((res) => { require('stream').Readable.from([Buffer.from('hello '), Buffer.from('world')]).pipe(c.createHmac('sha256', 'k')).on('data', (d) => res(d.toString('base64'))); })", "\"Z+7cXVCFKqzQVcyUC1Lt3onrppsVkCsqmoJIPqtw0S0=\""},
	{"cipher as stream", "new Promise((res) => { const e = c.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)); const parts = []; e.on('data', (d) => parts.push(d)).on('end', () => res(Buffer.concat(parts).toString('hex'))); e.write('some text that is longer than a block'); e.end(); })", "\"31c8c895dcb94fd3d0317d285941db8788867107f34d6bce7b21d30c2ae075c13180e14c36df51271db6865542dee489\""},
	{"decipher stream error", "new Promise((res) => { const d = c.createDecipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)); d.on('error', (e) => res(e.code)); d.on('data', () => {}); d.end(Buffer.alloc(16)); })", "\"ERR_OSSL_BAD_DECRYPT\""},
	{"pipeline hash", "new Promise((res) => { const { Readable, Writable, pipeline } = require('stream'); const out = []; pipeline(Readable.from(['x']), c.createHash('md5'), new Writable({ write(ch, e, cb) { out.push(ch.toString('hex')); cb(); } }), (err) => res([err, out])); })", "[null,[\"9dd4e461268c8034f5c8564e155c67a6\"]]"},
	{"hash is a transform", "c.createHash('sha256') instanceof require('stream').Transform", "true"},
	{"hash still works without stream", "(() => { const h = c.createHash('sha256'); return [h.update('abc').digest('hex'), Object.keys(h).includes('_readableState')]; })()", "[\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",false]"},
}

// Heavy work runs on Go goroutines: a 1 ms timer set before the operation
// fires before it completes, as in Node.
func TestCryptoDoesNotBlockLoop(t *testing.T) { runCryptoCases(t, cryptoNonBlockingCases, true) }

var cryptoNonBlockingCases = []cryptoCase{
	{"pbkdf2 does not block the loop", "new Promise((res) => { const order = []; setTimeout(() => order.push('timer'), 1); c.pbkdf2('p', 's', 300000, 32, 'sha512', (e, k) => { order.push('pbkdf2 ' + k.length); res(order); }); })", "[\"timer\",\"pbkdf2 32\"]"},
	{"scrypt does not block the loop", "new Promise((res) => { const order = []; setTimeout(() => order.push('timer'), 1); c.scrypt('p', 's', 16, { N: 2 ** 15, maxmem: 2 ** 26 }, (e, k) => { order.push('scrypt ' + k.length); res(order); }); })", "[\"timer\",\"scrypt 16\"]"},
	{"subtle rsa keygen does not block the loop", "new Promise((res) => { const order = []; setTimeout(() => order.push('timer'), 1); s.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']).then((p) => { order.push('rsa ' + p.privateKey.algorithm.modulusLength); res(order); }); })", "[\"timer\",\"rsa 2048\"]"},
	{"subtle pbkdf2 does not block the loop", "new Promise((res) => { const order = []; setTimeout(() => order.push('timer'), 1); s.importKey('raw', te('pw'), 'PBKDF2', false, ['deriveBits']).then((k) => s.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt: te('s'), iterations: 300000 }, k, 256)).then((b) => { order.push('bits ' + b.byteLength); res(order); }); })", "[\"timer\",\"bits 32\"]"},
}
