package compat

// The stream family: node:stream (compat/js/stream.js and its internal
// pieces stream_*.js), node:stream/promises, node:string_decoder and
// node:zlib, whose codecs are Go natives in zlib.go.
func init() {
	registerJS("internal/stream_util", "stream_util.js")
	registerJS("internal/stream_readable", "stream_readable.js")
	registerJS("internal/stream_writable", "stream_writable.js")
	registerJS("internal/stream_duplex", "stream_duplex.js")
	registerJS("internal/stream_eos", "stream_eos.js")
	registerJS("stream", "stream.js")
	registerJS("stream/promises", "stream_promises.js")
	registerJS("string_decoder", "string_decoder.js")
	registerJS("zlib", "zlib.js")
}
