package compat

import (
	"github.com/dop251/goja"
)

// This file registers the Web platform basics: events, abort signals,
// WHATWG streams (also node:stream/web) and structuredClone, with the Go
// natives they need.

func init() {
	registerJS("internal/web_events", "web_events.js")
	registerJS("internal/web_abort", "web_abort.js")
	registerJS("internal/web_streams_util", "web_streams_util.js")
	registerJS("internal/web_streams_writable", "web_streams_writable.js")
	registerJS("internal/web_streams_readable", "web_streams_readable.js")
	registerJS("internal/web_streams_transform", "web_streams_transform.js")
	registerJS("internal/web_streams_text", "web_streams_text.js")
	registerJS("internal/web_streams_compression", "web_streams_compression.js")
	registerJS("stream/web", "web_streams.js")
	registerJS("internal/structured_clone", "structured_clone.js")
	registerGo("internal/web_natives", loadWebNatives)
	// registerGo does not hide internal modules itself.

	for _, name := range []string{"Event", "EventTarget", "CustomEvent", "DOMException"} {
		registerGlobal(name, "internal/web_events", name)
	}
	registerGlobal("AbortController", "internal/web_abort", "AbortController")
	registerGlobal("AbortSignal", "internal/web_abort", "AbortSignal")
	for _, name := range []string{
		"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
		"ReadableStreamBYOBRequest", "ReadableByteStreamController", "ReadableStreamDefaultController",
		"TransformStream", "TransformStreamDefaultController", "WritableStream",
		"WritableStreamDefaultWriter", "WritableStreamDefaultController", "ByteLengthQueuingStrategy",
		"CountQueuingStrategy", "TextEncoderStream", "TextDecoderStream", "CompressionStream",
		"DecompressionStream",
	} {
		registerGlobal(name, "stream/web", name)
	}
	registerGlobal("structuredClone", "internal/structured_clone", "structuredClone")
}

// loadWebNatives exposes what the web modules cannot do in JS: moving an
// ArrayBuffer's bytes to a new buffer and detaching the old one (transfer),
// and the compression coders.
func loadWebNatives(h *Host, module *goja.Object) {
	vm := h.VM
	o := vm.NewObject()
	asBuffer := func(v goja.Value) goja.ArrayBuffer {
		if v != nil {
			if ab, ok := v.Export().(goja.ArrayBuffer); ok {
				return ab
			}
		}
		panic(h.NewError("TypeError", "ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be an instance of ArrayBuffer"))
	}
	_ = o.Set("transfer", func(v goja.Value) goja.Value {
		ab := asBuffer(v)
		if ab.Detached() {
			panic(h.NewError("TypeError", "ERR_INVALID_STATE", "Invalid state: ArrayBuffer is detached"))
		}
		data := ab.Bytes()
		ab.Detach()
		return vm.ToValue(vm.NewArrayBuffer(data))
	})
	_ = o.Set("isDetached", func(v goja.Value) bool {
		return asBuffer(v).Detached()
	})
	_ = o.Set("detach", func(v goja.Value) bool {
		return asBuffer(v).Detach()
	})
	_ = o.Set("compressor", func(format string) *goja.Object { return newCompressorObject(h, format) })
	_ = o.Set("decompressor", func(format string) *goja.Object { return newDecompressorObject(h, format) })
	_ = module.Set("exports", o)
}
