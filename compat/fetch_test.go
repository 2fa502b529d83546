package compat

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"
)

// fetchTester runs JS against a runtime whose fetch has the given limits.
type fetchTester struct {
	t   *testing.T
	h   *Host
	run func(string) goja.Value
	n   int
}

func newFetchTester(t *testing.T, fo FetchOptions) *fetchTester {
	t.Helper()
	h, run := newTestHost(t, Options{Fetch: fo})
	run(jsCasePrelude)
	return &fetchTester{t: t, h: h, run: run}
}

// eval runs src as the body of an async function and waits (up to 10 s)
// for it to settle; it returns the JSON of the result, or "THROWN ..." with
// the error.
func (f *fetchTester) eval(src string) string {
	f.t.Helper()
	f.n++
	key := fmt.Sprintf("__eval%d", f.n)
	f.run(`(async () => {` + src + "\n" + `})().then((v) => { globalThis.` + key + ` = __fmt(v); }, (e) => { globalThis.` + key + ` = 'THROWN ' + __err(e); });`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if v := f.run(`globalThis.` + key); !goja.IsUndefined(v) {
			return v.String()
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("timed out waiting for:\n%s", src)
		}
	}
}

// expect compares eval's result with want.
func (f *fetchTester) expect(name, src, want string) {
	f.t.Helper()
	if got := f.eval(src); got != want {
		f.t.Errorf("%s:\n got %s\nwant %s", name, got, want)
	}
}

// echoHandler answers with a JSON description of the request.
func echoHandler(w http.ResponseWriter, r *http.Request) {
	if v := r.Header.Get("X-L"); v != "" {
		w.Header().Set("X-Echo", v) // raw bytes back
		if v != "caf\xe9" {
			w.Header().Set("X-Echo", "wire value was "+fmt.Sprintf("%q", v))
		}
	}
	body, _ := io.ReadAll(r.Body)
	hdr := map[string]string{}
	for k, v := range r.Header {
		hdr[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Add("Set-Cookie", "a=1")
	w.Header().Add("Set-Cookie", "b=2")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"method": r.Method, "path": r.URL.RequestURI(), "headers": hdr, "body": string(body),
		"length": r.ContentLength, "chunked": len(r.TransferEncoding) > 0,
	})
}

func TestFetchRoundTrip(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(echoHandler))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)

	f.expect("GET defaults", `
		const r = await fetch(BASE + '/a?b=1');
		const j = await r.json();
		return [r.status, r.statusText, r.ok, r.type, r.url === BASE + '/a?b=1', r.redirected, r.headers.get('content-type'),
			r.headers.getSetCookie(), j.method, j.path, j.headers['user-agent'], j.headers['accept'], j.headers['accept-language'],
			j.headers['sec-fetch-mode'], j.headers['accept-encoding'], j.headers['cookie'], r.bodyUsed];`,
		`[200,"OK",true,"basic",true,false,"application/json",["a=1","b=2"],"GET","/a?b=1","node","*/*","*","cors","gzip, deflate","<undefined>",true]`)

	f.expect("POST JSON", `
		const r = await fetch(BASE + '/json', { method: 'post', headers: { 'Content-Type': 'application/json', 'X-Custom': 'v' }, body: JSON.stringify({ a: [1, 'é'] }) });
		const j = await r.json();
		return [j.method, j.headers['content-type'], j.headers['x-custom'], JSON.parse(j.body), j.length];`,
		`["POST","application/json","v",{"a":[1,"é"]},14]`)

	f.expect("headers are immutable", `
		const r = await fetch(BASE);
		try { r.headers.set('x', 'y'); } catch (e) { return __err(e); }`,
		`"ERR TypeError: immutable"`)

	f.expect("latin1 header values", `
		const r = await fetch(BASE + '/latin1', { headers: { 'x-l': 'caf\u00e9' } });
		return [r.headers.get('x-echo') === 'caf\u00e9', r.headers.get('x-echo').length];`,
		`[true,4]`)

	f.expect("user headers override defaults", `
		const j = await (await fetch(BASE, { headers: { 'user-agent': 'mine', accept: 'text/html', 'accept-encoding': 'identity' } })).json();
		return [j.headers['user-agent'], j.headers['accept'], j.headers['accept-encoding']];`,
		`["mine","text/html","identity"]`)

	f.expect("Request object input", `
		const req = new Request(BASE + '/r', { method: 'PUT', body: 'from request', headers: { 'x-r': '1' } });
		const j = await (await fetch(req)).json();
		return [j.method, j.path, j.body, j.headers['x-r'], req.bodyUsed];`,
		`["PUT","/r","from request","1",true]`)

	f.expect("BYOB reads", `
		const r = await fetch(BASE + '/byob');
		const rd = r.body.getReader({ mode: 'byob' });
		const x = await rd.read(new Uint8Array(5));
		let rest = '';
		for (;;) { const { value, done } = await rd.read(new Uint8Array(64)); if (done) break; rest += String.fromCharCode(...value); }
		const rd2 = new Response('abc').body.getReader({ mode: 'byob' });
		const y = await rd2.read(new Uint8Array(2));
		return [x.value.length, String.fromCharCode(...x.value), JSON.parse('{"' + rest).path, y.value.length];`,
		`[5,"{\"bod","/byob",2]`)

	f.expect("no cookie jar", `
		await fetch(BASE);
		const j = await (await fetch(BASE)).json();
		return j.headers.cookie === undefined;`, `true`)

	f.expect("empty POST", `
		const j = await (await fetch(BASE, { method: 'POST', body: '' })).json();
		return [j.body, j.length, j.headers['content-type']];`,
		`["",0,"text/plain;charset=UTF-8"]`)

	f.expect("clone of a fetched response", `
		const r = await fetch(BASE + '/c');
		const c = r.clone();
		const [a, b] = await Promise.all([r.json(), c.text()]);
		return [a.path, JSON.parse(b).path, r.bodyUsed, c.bodyUsed];`,
		`["/c","/c",true,true]`)

	f.expect("body read with a reader", `
		const r = await fetch(BASE + '/reader');
		const reader = r.body.getReader();
		let n = 0, text = '';
		for (;;) { const { value, done } = await reader.read(); if (done) break; n++; text += String.fromCharCode(...value); }
		return [n >= 1, JSON.parse(text).path, r.bodyUsed];`,
		`[true,"/reader",true]`)
}

func TestFetchBodyKinds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(echoHandler))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.run(`globalThis.post = async (body, init) => { const j = await (await fetch(BASE, Object.assign({ method: 'POST', body }, init))).json(); return [j.headers['content-type'] || null, j.body, j.length, j.chunked]; };`)

	cases := []struct{ name, src, want string }{
		{"string", `return post('héllo');`, `["text/plain;charset=UTF-8","héllo",6,false]`},
		{"Uint8Array", `return post(new Uint8Array([65, 66, 67]));`, `[null,"ABC",3,false]`},
		{"ArrayBuffer", `return post(new Uint8Array([68, 69]).buffer);`, `[null,"DE",2,false]`},
		{"DataView", `return post(new DataView(new Uint8Array([1, 70, 71, 2]).buffer, 1, 2));`, `[null,"FG",2,false]`},
		{"Blob", `return post(new Blob(['bl', 'ob'], { type: 'Text/X-Blob' }));`, `["text/x-blob","blob",4,false]`},
		{"Blob without type", `return post(new Blob(['x']));`, `[null,"x",1,false]`},
		{"explicit content-type wins", `return post('x', { headers: { 'content-type': 'a/b' } });`, `["a/b","x",1,false]`},
		{"ReadableStream", `return post(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([115, 116])); c.enqueue(new Uint8Array([114])); c.close(); } }), { duplex: 'half' });`, `[null,"str",-1,true]`},
		{"async iterable", `return post({ [Symbol.asyncIterator]() { let i = 0; return { next: () => Promise.resolve(i++ < 2 ? { value: 'it', done: false } : { done: true }) }; } }, { duplex: 'half' });`, `[null,"itit",-1,true]`},
	}
	for _, c := range cases {
		f.expect(c.name, c.src, c.want)
	}
}

func TestFetchURLSearchParamsBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(echoHandler))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("URLSearchParams", `
		const j = await (await fetch(BASE, { method: 'POST', body: new URLSearchParams({ a: '1 2', b: 'é&' }) })).json();
		return [j.headers['content-type'], j.body];`,
		`["application/x-www-form-urlencoded;charset=UTF-8","a=1+2&b=%C3%A9%26"]`)
}

func TestFetchFormDataUpload(t *testing.T) {
	type part struct{ Name, File, Type, Body string }
	var got []part
	var ctype string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctype = r.Header.Get("Content-Type")
		mr, err := r.MultipartReader()
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(p)
			got = append(got, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("multipart upload", `
		const fd = new FormData();
		fd.append('field', 'va\nlue');
		fd.append('upload', new File(['file content'], 'a.txt', { type: 'text/plain' }));
		fd.append('blob', new Blob([new Uint8Array([0, 255])]));
		return await (await fetch(BASE, { method: 'POST', body: fd })).text();`, `"ok"`)
	want := []part{{"field", "", "", "va\r\nlue"}, {"upload", "a.txt", "text/plain", "file content"}, {"blob", "blob", "application/octet-stream", "\x00\xff"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parts: got %q want %q", got, want)
	}
	if !strings.HasPrefix(ctype, "multipart/form-data; boundary=----formdata-undici-0") || len(ctype) != len("multipart/form-data; boundary=----formdata-undici-0")+11 {
		t.Errorf("content-type %q", ctype)
	}
}

func TestFetchStreamingResponse(t *testing.T) {
	release := make(chan struct{})
	var finished atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fl := w.(http.Flusher)
		w.Write([]byte("first;"))
		fl.Flush()
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
		for i := 0; i < 3; i++ {
			time.Sleep(20 * time.Millisecond)
			fmt.Fprintf(w, "chunk%d;", i)
			fl.Flush()
		}
		finished.Store(true)
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.run(`
		globalThis.chunks = [];
		globalThis.streamDone = (async () => {
			const r = await fetch(BASE);
			const reader = r.body.getReader();
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				chunks.push(String.fromCharCode(...value));
			}
			return chunks.join('');
		})().then((v) => { globalThis.streamResult = v; }, (e) => { globalThis.streamResult = __err(e); });`)
	deadline := time.Now().Add(5 * time.Second)
	for f.run(`chunks.length`).ToInteger() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("first chunk never arrived")
		}
	}
	if finished.Load() {
		t.Fatal("server finished before JS saw the first chunk")
	}
	if got := f.run(`chunks[0]`).String(); got != "first;" {
		t.Errorf("first chunk %q", got)
	}
	close(release)
	got := f.eval(`await streamDone; return [streamResult, chunks.length > 1];`)
	if want := `["first;chunk0;chunk1;chunk2;",true]`; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestFetchStreamingUpload(t *testing.T) {
	gotFirst := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 100)
		n, _ := r.Body.Read(buf)
		gotFirst <- string(buf[:n])
		rest, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s|%s|%d|%v", buf[:n], rest, r.ContentLength, r.TransferEncoding)
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.run(`
		let releaseSecond;
		const second = new Promise((r) => { releaseSecond = r; });
		globalThis.releaseSecond = releaseSecond;
		let step = 0;
		const body = new ReadableStream({
			async pull(c) {
				step++;
				if (step === 1) c.enqueue(new Uint8Array([111, 110, 101]));
				else if (step === 2) { await second; c.enqueue(new TextEncoderLike('two')); }
				else c.close();
			},
		});
		function TextEncoderLike(s) { return new Uint8Array(Array.from(s, (ch) => ch.charCodeAt(0))); }
		fetch(BASE, { method: 'POST', body, duplex: 'half' }).then((r) => r.text()).then((t) => { globalThis.uploadResult = t; }, (e) => { globalThis.uploadResult = __err(e); });`)
	var first string
	deadline := time.After(5 * time.Second)
wait:
	for {
		select {
		case first = <-gotFirst:
			break wait
		case <-deadline:
			t.Fatal("server never got the first chunk")
		default:
			f.run(``)
		}
	}
	if first != "one" {
		t.Errorf("first chunk %q", first)
	}
	if got := f.eval(`releaseSecond(); while (globalThis.uploadResult === undefined) await new Promise((r) => setTimeout(r, 5)); return uploadResult;`); got != `"one|two|-1|[chunked]"` {
		t.Errorf("upload result %s", got)
	}
}

func TestFetchRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/r", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/final?x=1")
		w.WriteHeader(302)
		w.Write([]byte("moved"))
	})
	mux.HandleFunc("/see-other", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/final", http.StatusSeeOther)
	})
	mux.HandleFunc("/keep", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/final", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/chain/"), "%d", &n)
		if n == 0 {
			echoHandler(w, r)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/final", echoHandler)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)

	f.expect("follow", `
		const r = await fetch(BASE + '/r#frag');
		const j = await r.json();
		return [r.status, r.redirected, r.url === BASE + '/final?x=1', j.path, j.method];`,
		`[200,true,true,"/final?x=1","GET"]`)
	f.expect("303 turns POST into GET", `
		const r = await fetch(BASE + '/see-other', { method: 'POST', body: 'data' });
		const j = await r.json();
		return [r.redirected, j.method, j.body];`,
		`[true,"GET",""]`)
	f.expect("307 keeps method and body", `
		const j = await (await fetch(BASE + '/keep', { method: 'PUT', body: 'data' })).json();
		return [j.method, j.body];`,
		`["PUT","data"]`)
	f.expect("manual", `
		const r = await fetch(BASE + '/r', { redirect: 'manual' });
		return [r.status, r.statusText, r.redirected, r.headers.get('location'), r.url === BASE + '/r', r.type, await r.text()];`,
		`[302,"Found",false,"/final?x=1",true,"basic","moved"]`)
	f.expect("error", `
		try { await fetch(BASE + '/r', { redirect: 'error' }); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: fetch failed","ERR Error: unexpected redirect"]`)
	f.expect("20 redirects are followed", `
		const r = await fetch(BASE + '/chain/20');
		return [r.status, r.redirected, (await r.json()).path];`,
		`[200,true,"/chain/0"]`)
	f.expect("21 redirects are too many", `
		try { await fetch(BASE + '/chain/21'); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: fetch failed","ERR Error: redirect count exceeded"]`)
	f.expect("loop", `
		try { await fetch(BASE + '/loop'); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: fetch failed","ERR Error: redirect count exceeded"]`)
}

func TestFetchAbort(t *testing.T) {
	var hits atomic.Int32
	handlerGone := make(chan struct{}, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		defer func() { handlerGone <- struct{}{} }()
		switch r.URL.Path {
		case "/hang":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		case "/body":
			w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)

	f.expect("aborted before", `
		const ac = new AbortController(); ac.abort();
		try { await fetch(BASE, { signal: ac.signal }); } catch (e) { return [e.name, e.message, e.code, e instanceof DOMException]; }`,
		`["AbortError","This operation was aborted",20,true]`)
	f.expect("aborted before with reason", `
		const ac = new AbortController(); ac.abort('why');
		try { await fetch(BASE, { signal: ac.signal }); } catch (e) { return e; }`,
		`"why"`)
	if n := hits.Load(); n != 0 {
		t.Errorf("server was hit %d times by aborted fetches", n)
	}

	start := time.Now()
	f.expect("aborted while waiting for the head", `
		const ac = new AbortController();
		setTimeout(() => ac.abort(), 50);
		try { await fetch(BASE + '/hang', { signal: ac.signal }); } catch (e) { return [e.name, e instanceof DOMException]; }`,
		`["AbortError",true]`)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("abort took %v", d)
	}
	select {
	case <-handlerGone:
	case <-time.After(3 * time.Second):
		t.Error("server handler did not see the cancellation")
	}

	f.expect("aborted during the body", `
		const ac = new AbortController();
		const r = await fetch(BASE + '/body', { signal: ac.signal });
		const reader = r.body.getReader();
		const first = await reader.read();
		setTimeout(() => ac.abort(new Error('stop')), 20);
		try { await reader.read(); } catch (e) { return [String.fromCharCode(...first.value), __err(e)]; }`,
		`["partial","ERR Error: stop"]`)
	select {
	case <-handlerGone:
	case <-time.After(3 * time.Second):
		t.Error("server handler did not see the body abort")
	}

	f.expect("aborted during text()", `
		const ac = new AbortController();
		const r = await fetch(BASE + '/body', { signal: ac.signal });
		setTimeout(() => ac.abort(), 30);
		try { await r.text(); } catch (e) { return [e.name, e.message]; }`,
		`["AbortError","This operation was aborted"]`)
	<-handlerGone

	f.expect("abort after completion is harmless", `
		const ac = new AbortController();
		const r = await fetch(BASE + '/ok', { signal: ac.signal });
		const t = await r.text();
		ac.abort();
		return [t, r.bodyUsed];`,
		`["ok",true]`)

	f.expect("cancelling the body closes the connection", `
		const r = await fetch(BASE + '/body');
		const reader = r.body.getReader();
		await reader.read();
		await reader.cancel();
		return 'cancelled';`,
		`"cancelled"`)
	select {
	case <-handlerGone:
	case <-time.After(3 * time.Second):
		t.Error("server handler did not see the body cancel")
	}
}

func TestFetchTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			w.Write([]byte("head"))
			w.(http.Flusher).Flush()
		}
		if r.URL.Path == "/stream" {
			// 1.2 s in all, but never 200 ms without a piece: no limit is hit.
			for i := 0; i < 12; i++ {
				time.Sleep(100 * time.Millisecond)
				w.Write([]byte{'a' + byte(i)})
				w.(http.Flusher).Flush()
			}
			return
		}
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{Timeout: 200 * time.Millisecond})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	start := time.Now()
	f.expect("timeout before the head", `
		try { await fetch(BASE); } catch (e) { return [__err(e), e.cause.code, /timed out after 200ms/.test(e.cause.message)]; }`,
		`["ERR TypeError: fetch failed","ETIMEDOUT",true]`)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("timeout took %v", d)
	}
	f.expect("timeout during the body", `
		const r = await fetch(BASE + '/body');
		try { await r.text(); } catch (e) { return [__err(e), e.cause.code]; }`,
		`["ERR TypeError: terminated","ETIMEDOUT"]`)
	// As undici's headersTimeout and bodyTimeout: the limit runs from the
	// last sign of life, so a stream longer than it that keeps sending ends.
	f.expect("a long stream that keeps sending", `
		const r = await fetch(BASE + '/stream');
		return await r.text();`,
		`"abcdefghijkl"`)
}

func TestFetchUnreadBody(t *testing.T) {
	// /hang sends its head, then the rest only once /quick has been served.
	// With one connection allowed, /quick can only be served while /hang is
	// still open if the unread body does not hold the slot; otherwise the
	// first body is cut by the timeout and never gets its tail.
	quickServed := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("head"))
		if r.URL.Path == "/quick" {
			once.Do(func() { close(quickServed) })
			return
		}
		w.(http.Flusher).Flush()
		select {
		case <-quickServed:
			w.Write([]byte("+tail"))
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{Timeout: 2 * time.Second, MaxConcurrent: 1})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("an unread body does not block later fetches", `
		const ignored = await fetch(BASE + '/hang');
		const second = await (await fetch(BASE + '/quick')).text();
		const late = await ignored.text().catch((e) => [__err(e), e.cause.code]);
		return [second, late];`,
		`["head","head+tail"]`)
}

func TestFetchSizeCap(t *testing.T) {
	big := strings.Repeat("x", 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/small":
			w.Write([]byte(big[:1000]))
		case "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write([]byte(big))
			zw.Close()
		default:
			w.Write([]byte(big))
		}
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{MaxResponseBytes: 1000})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("at the cap", `return (await (await fetch(BASE + '/small')).text()).length;`, `1000`)
	f.expect("over the cap", `
		const r = await fetch(BASE + '/big');
		try { await r.text(); } catch (e) { return __err(e); }`,
		`"ERR TypeError: response body too large: more than 1000 bytes"`)
	f.expect("decoded size counts", `
		const r = await fetch(BASE + '/gzip');
		try { await r.arrayBuffer(); } catch (e) { return __err(e); }`,
		`"ERR TypeError: response body too large: more than 1000 bytes"`)
}

func TestFetchDecoding(t *testing.T) {
	payload := []byte(strings.Repeat("hello, compressed world! ", 40))
	encode := map[string]func(io.Writer) io.WriteCloser{
		"gzip":    func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
		"deflate": func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"raw":     func(w io.Writer) io.WriteCloser { z, _ := flate.NewWriter(w, 5); return z },
		"br":      func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		switch name {
		case "gzip-br":
			var inner bytes.Buffer
			zw := gzip.NewWriter(&inner)
			zw.Write(payload)
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip, br")
			bw := brotli.NewWriter(w)
			bw.Write(inner.Bytes())
			bw.Close()
			return
		case "unknown":
			w.Header().Set("Content-Encoding", "zzz")
			w.Write([]byte("as is"))
			return
		case "head":
			w.Header().Set("Content-Encoding", "gzip")
			return
		}
		enc := name
		if enc == "raw" {
			enc = "deflate"
		}
		w.Header().Set("Content-Encoding", enc)
		zw := encode[name](w)
		zw.Write(payload)
		zw.Close()
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	for _, name := range []string{"gzip", "deflate", "raw", "br", "gzip-br"} {
		f.expect(name, `
			const r = await fetch(BASE + '/`+name+`');
			const t = await r.text();
			return [t.length, t.slice(0, 25), r.headers.has('content-encoding')];`,
			`[1000,"hello, compressed world! ",true]`)
	}
	f.expect("unknown coding passes through", `return await (await fetch(BASE + '/unknown')).text();`, `"as is"`)
	f.expect("HEAD has no body", `const r = await fetch(BASE + '/head', { method: 'HEAD' }); return [r.status, r.body, await r.text()];`, `[200,null,""]`)
}

func TestFetchNullBodyStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Thing", "1")
		w.WriteHeader(204)
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("204", `const r = await fetch(BASE); return [r.status, r.statusText, r.ok, r.body, r.headers.get('x-thing'), await r.text(), r.bodyUsed];`,
		`[204,"No Content",true,null,"1","",false]`)
}

func TestFetchErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	f := newFetchTester(t, FetchOptions{})
	f.expect("connection refused", fmt.Sprintf(`
		try { await fetch('http://127.0.0.1:%d/'); } catch (e) { const c = e.cause; return [__err(e), c.constructor.name, c.message, c.code, c.errno, c.syscall, c.address, c.port, Object.keys(c)]; }`, port),
		fmt.Sprintf(`["ERR TypeError: fetch failed","Error","connect ECONNREFUSED 127.0.0.1:%d","ECONNREFUSED",-111,"connect","127.0.0.1",%d,["errno","code","syscall","address","port"]]`, port, port))
	f.expect("unknown host", `
		try { await fetch('http://nonexistent.invalid/'); } catch (e) { const c = e.cause; return [__err(e), c.message, c.code, c.syscall, c.hostname]; }`,
		`["ERR TypeError: fetch failed","getaddrinfo ENOTFOUND nonexistent.invalid","ENOTFOUND","getaddrinfo","nonexistent.invalid"]`)
	f.expect("link-local refused", `
		try { await fetch('http://169.254.169.254/latest/meta-data/'); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: fetch failed","ERR Error: connection to 169.254.169.254 (169.254.169.254) refused: link-local addresses are not allowed [ERR_ACCESS_DENIED]"]`)
	f.expect("link-local IPv6 refused", `
		try { await fetch('http://[fe80::1]:8080/'); } catch (e) { return e.cause.code; }`,
		`"ERR_ACCESS_DENIED"`)
	f.expect("bad port", `try { await fetch('http://127.0.0.1:6000/'); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: fetch failed","ERR Error: bad port"]`)
	f.expect("unknown scheme", `try { await fetch('ftp://x/'); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: fetch failed","ERR Error: unknown scheme"]`)
	f.expect("relative URL", `try { await fetch('/x'); } catch (e) { return [__err(e), __err(e.cause)]; }`,
		`["ERR TypeError: Failed to parse URL from /x","ERR TypeError: Invalid URL [ERR_INVALID_URL]"]`)
	f.expect("bad init rejects, not throws", `const p = fetch('http://a', { method: 'GET', body: 'x' }); return [p instanceof Promise, await p.catch(__err)];`,
		`[true,"ERR TypeError: Request with GET/HEAD method cannot have body."]`)
	f.expect("data: URLs", `
		const a = await fetch('data:text/plain;base64,aGVsbG8=');
		const b = await fetch('data:,a%20b');
		return [a.status, a.statusText, a.headers.get('content-type'), await a.text(), b.headers.get('content-type'), await b.text(), b.url];`,
		`[200,"OK","text/plain","hello","text/plain;charset=US-ASCII","a b","data:,a%20b"]`)
	f.expect("fetch shape", `return [typeof fetch, fetch.length, fetch.name, typeof globalThis.Headers, typeof Request, typeof Response, typeof Blob, typeof File, typeof FormData];`,
		`["function",1,"fetch","function","function","function","function","function","function"]`)
}

func TestFetchAllowHook(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(echoHandler))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	var mu sync.Mutex
	var seen []string
	f := newFetchTester(t, FetchOptions{Allow: func(host string, ip net.IP) error {
		mu.Lock()
		seen = append(seen, host+" "+ip.String())
		mu.Unlock()
		if host == "localhost" {
			return errors.New("localhost is off limits")
		}
		return nil
	}})
	f.expect("hook allows", fmt.Sprintf(`return (await fetch('http://127.0.0.1:%d/ok')).status;`, port), `200`)
	f.expect("hook refuses", fmt.Sprintf(`try { await fetch('http://localhost:%d/'); } catch (e) { return [__err(e), __err(e.cause)]; }`, port),
		`["ERR TypeError: fetch failed","ERR Error: localhost is off limits [ERR_ACCESS_DENIED]"]`)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) < 2 || seen[0] != "127.0.0.1 127.0.0.1" || !strings.HasPrefix(seen[1], "localhost ") {
		t.Errorf("hook saw %q", seen)
	}
}

func TestFetchConcurrencyLimit(t *testing.T) {
	var inFlight, maxInFlight atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(40 * time.Millisecond)
		inFlight.Add(-1)
		w.Write([]byte(r.URL.Path))
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{MaxConcurrent: 2})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("all complete", `
		const out = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => fetch(BASE + '/' + i).then((r) => r.text())));
		return out;`,
		`["/1","/2","/3","/4","/5","/6"]`)
	if m := maxInFlight.Load(); m != 2 {
		t.Errorf("max in flight %d, want 2", m)
	}
}

func TestFetchAsyncContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(echoHandler))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	f.expect("AsyncLocalStorage survives fetch", `
		const { AsyncLocalStorage } = require('async_hooks');
		const als = new AsyncLocalStorage();
		const one = (id) => als.run({ id }, async () => {
			const r = await fetch(BASE + '/' + id);
			const before = als.getStore().id;
			await r.text();
			return before + als.getStore().id;
		});
		return await Promise.all([one('a'), one('b')]);`,
		`["aa","bb"]`)
}
