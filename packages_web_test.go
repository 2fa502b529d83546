package gojaapi

// End-to-end tests of handlers that use npm packages built on Web APIs
// (fetch, WebCrypto, streams): testdata/pkgs-web. Every upstream the handlers
// talk to is a real HTTP server on loopback (httptest); the handlers get its
// URL from Options.Env or from a request header.

import (
	"bufio"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const pkgsWebDir = "testdata/pkgs-web"

// pkgsWeb is the one server all the package tests share: building the
// bundle (every package of testdata/pkgs-web, about 8 MB) is the slow part.
// It runs one worker, so module state (jose's JWKS cache) is predictable.
type pkgsWeb struct {
	base  string
	logs  *logBuffer
	jwks  *jwksFixture
	proxy *proxyFixture
}

// TestPkgsWeb runs every package test against one server. Upstreams named in
// process.env (the JWKS endpoint, the masked service) start first; the others
// are passed per request in the X-Upstream header.
func TestPkgsWeb(t *testing.T) {
	w := &pkgsWeb{jwks: newJWKSFixture(t), proxy: newProxyFixture(t)}
	w.base, w.logs, _ = testServer(t, Options{Dir: pkgsWebDir, Workers: 1, Env: map[string]string{
		"JWT_SECRET":               joseSecret,
		"JWKS_URL":                 w.jwks.srv.URL + "/.well-known/jwks.json",
		"OPENAI_API_KEY":           "sk-test-123",
		"ITEMS_API_KEY":            "key-1",
		"STRIPE_SECRET_KEY":        "sk_test_123",
		"STRIPE_WEBHOOK_SECRET":    stripeWebhookSecret,
		"UPSTASH_REDIS_REST_TOKEN": "tok-1",
		"SUPABASE_ANON_KEY":        "anon-key",
		"UPSTREAM_URL":             w.proxy.srv.URL,
		"UPSTREAM_KEY":             "secret-1",
	}})
	for _, c := range []struct {
		name string
		run  func(*testing.T, *pkgsWeb)
	}{
		{"jose sign and verify", pkgsWebJoseSignVerify},
		{"jose remote JWKS", pkgsWebJoseRemoteJWKS},
		{"openai", pkgsWebOpenAI},
		{"axios fetch adapter", pkgsWebAxiosFetch},
		{"axios default adapter", pkgsWebAxiosDefaultAdapter},
		{"stripe webhook", pkgsWebStripeWebhook},
		{"stripe API", pkgsWebStripeAPI},
		{"upstash redis", pkgsWebUpstashRedis},
		{"supabase", pkgsWebSupabase},
		{"graphql-yoga", pkgsWebGraphQLYoga},
		{"proxy streams", pkgsWebProxyStreams},
	} {
		t.Run(c.name, func(t *testing.T) { c.run(t, w) })
	}
}

// jsonBody decodes a response body, failing the test on invalid JSON.
func jsonBody(t *testing.T, r result, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("status %d, body %q: %v", r.status, r.body, err)
	}
}

// mustJSON marshals v or fails the test.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var b64url = base64.RawURLEncoding

// joseSecret is the HS256 secret, JWT_SECRET in the handlers' environment.
const joseSecret = "a-32-byte-long-secret-for-hs256!"

// signJWT builds a compact JWS in Go, independently of jose.
func signJWT(t *testing.T, alg, kid string, claims map[string]any, key crypto.Signer, secret []byte) string {
	t.Helper()
	header := map[string]any{"alg": alg, "typ": "JWT"}
	if kid != "" {
		header["kid"] = kid
	}
	input := b64url.EncodeToString([]byte(mustJSON(t, header))) + "." + b64url.EncodeToString([]byte(mustJSON(t, claims)))
	var sig []byte
	var err error
	switch alg {
	case "HS256":
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(input))
		sig = m.Sum(nil)
	case "RS256":
		d := sha256.Sum256([]byte(input))
		sig, err = rsa.SignPKCS1v15(rand.Reader, key.(*rsa.PrivateKey), crypto.SHA256, d[:])
	case "ES256":
		d := sha256.Sum256([]byte(input))
		var r, s *big.Int
		r, s, err = ecdsa.Sign(rand.Reader, key.(*ecdsa.PrivateKey), d[:])
		if err == nil {
			sig = append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...)
		}
	case "EdDSA":
		sig = ed25519.Sign(key.(ed25519.PrivateKey), []byte(input))
	}
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + b64url.EncodeToString(sig)
}

// publicJWK renders the public half of key as a JWK, independently of jose.
func publicJWK(kid string, key crypto.Signer) map[string]string {
	switch k := key.Public().(type) {
	case *rsa.PublicKey:
		return map[string]string{"kty": "RSA", "kid": kid, "alg": "RS256", "use": "sig",
			"n": b64url.EncodeToString(k.N.Bytes()), "e": b64url.EncodeToString(big.NewInt(int64(k.E)).Bytes())}
	case *ecdsa.PublicKey:
		raw, _ := k.Bytes() // 0x04 || X || Y
		return map[string]string{"kty": "EC", "kid": kid, "alg": "ES256", "use": "sig", "crv": "P-256",
			"x": b64url.EncodeToString(raw[1:33]), "y": b64url.EncodeToString(raw[33:])}
	case ed25519.PublicKey:
		return map[string]string{"kty": "OKP", "kid": kid, "alg": "EdDSA", "use": "sig", "crv": "Ed25519",
			"x": b64url.EncodeToString(k)}
	}
	return nil
}

// verifyJWT checks a compact JWS signed by jose, in Go, with the JWK jose
// exported (or the HMAC secret).
func verifyJWT(t *testing.T, token string, jwk map[string]string, secret []byte) {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token %q is not a compact JWS", token)
	}
	input := []byte(parts[0] + "." + parts[1])
	sig, err := b64url.DecodeString(parts[2])
	if err != nil {
		t.Fatal(err)
	}
	dec := func(s string) []byte {
		b, err := b64url.DecodeString(s)
		if err != nil {
			t.Fatalf("jwk member %q: %v", s, err)
		}
		return b
	}
	d := sha256.Sum256(input)
	ok := false
	switch {
	case jwk == nil:
		m := hmac.New(sha256.New, secret)
		m.Write(input)
		ok = hmac.Equal(m.Sum(nil), sig)
	case jwk["kty"] == "RSA":
		pub := &rsa.PublicKey{N: new(big.Int).SetBytes(dec(jwk["n"])), E: int(new(big.Int).SetBytes(dec(jwk["e"])).Int64())}
		ok = rsa.VerifyPKCS1v15(pub, crypto.SHA256, d[:], sig) == nil
	case jwk["kty"] == "EC":
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, dec(jwk["x"])...), dec(jwk["y"])...))
		if err != nil {
			t.Fatal(err)
		}
		ok = len(sig) == 64 && ecdsa.Verify(pub, d[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:]))
	case jwk["kty"] == "OKP" && jwk["crv"] == "Ed25519":
		ok = ed25519.Verify(ed25519.PublicKey(dec(jwk["x"])), input, sig)
	default:
		t.Fatalf("unexpected JWK %v", jwk)
	}
	if !ok {
		t.Fatalf("Go rejects the signature of the token jose made: %s (jwk %v)", token, jwk)
	}
}

// pkgsWebJoseSignVerify: jose signs and verifies HS256, RS256, ES256 and
// EdDSA tokens, rejects a tampered one, and Go verifies what jose signed.
func pkgsWebJoseSignVerify(t *testing.T, w *pkgsWeb) {
	secret := joseSecret
	base, logs := w.base, w.logs
	for _, alg := range []string{"HS256", "RS256", "ES256", "EdDSA"} {
		t.Run(alg, func(t *testing.T) {
			before := time.Now().Unix()
			r := do(t, "GET", base+"/api/jose/sign?alg="+alg+"&sub=ann", "")
			if r.status != 200 {
				t.Fatalf("status %d: %s\n%s", r.status, r.body, logs)
			}
			var got struct {
				Token    string            `json:"token"`
				Header   map[string]string `json:"header"`
				Tampered string            `json:"tampered"`
				JWK      map[string]string `json:"jwk"`
				Verified struct {
					Payload         map[string]any    `json:"payload"`
					ProtectedHeader map[string]string `json:"protectedHeader"`
				} `json:"verified"`
			}
			jsonBody(t, r, &got)
			wantHeader := map[string]string{"alg": alg, "kid": "k1"}
			if mustJSON(t, got.Header) != mustJSON(t, wantHeader) || mustJSON(t, got.Verified.ProtectedHeader) != mustJSON(t, wantHeader) {
				t.Fatalf("header %v, verified header %v", got.Header, got.Verified.ProtectedHeader)
			}
			p := got.Verified.Payload
			if p["sub"] != "ann" || p["role"] != "admin" || p["iat"] != 1700000000.0 ||
				p["iss"] != "urn:gojaapi:issuer" || p["aud"] != "urn:gojaapi:audience" {
				t.Fatalf("payload %v", p)
			}
			if exp := int64(p["exp"].(float64)); exp < before+7200 || exp > time.Now().Unix()+7200 {
				t.Fatalf("exp %d is not two hours from now", exp)
			}
			if got.Tampered != "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" {
				t.Fatalf("tampered token: %q", got.Tampered)
			}
			want := map[string]string{"HS256": "", "RS256": "RSA", "ES256": "EC", "EdDSA": "OKP"}[alg]
			if got.JWK["kty"] != want {
				t.Fatalf("jwk %v, want kty %q", got.JWK, want)
			}
			verifyJWT(t, got.Token, got.JWK, []byte(secret))
		})
	}
	t.Run("unknown alg", func(t *testing.T) {
		r := do(t, "GET", base+"/api/jose/sign?alg=none", "")
		if r.status != 400 || r.body != `{"error":"alg must be one of HS256, RS256, ES256, EdDSA"}` {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
}

// jwksFixture is a local identity provider: three signing keys published as
// a JWKS, and one key it does not publish.
type jwksFixture struct {
	srv             *httptest.Server
	rsaKey          *rsa.PrivateKey
	ecKey, otherKey *ecdsa.PrivateKey
	edKey           ed25519.PrivateKey
	fetches         atomic.Int32
}

func newJWKSFixture(t *testing.T) *jwksFixture {
	f := &jwksFixture{}
	var err error
	if f.rsaKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		t.Fatal(err)
	}
	if f.ecKey, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		t.Fatal(err)
	}
	if _, f.edKey, err = ed25519.GenerateKey(rand.Reader); err != nil {
		t.Fatal(err)
	}
	if f.otherKey, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		t.Fatal(err)
	}
	jwks := mustJSON(t, map[string]any{"keys": []any{
		publicJWK("rsa-1", f.rsaKey), publicJWK("ec-1", f.ecKey), publicJWK("ed-1", f.edKey),
	}})
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/.well-known/jwks.json" || r.Method != "GET" {
			http.NotFound(w, r)
			return
		}
		f.fetches.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, jwks)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// pkgsWebJoseRemoteJWKS: jose verifies tokens signed in Go against a JWKS
// it fetches from a local identity provider (createRemoteJWKSet), once.
func pkgsWebJoseRemoteJWKS(t *testing.T, w *pkgsWeb) {
	base, logs := w.base, w.logs
	rsaKey, ecKey, edKey, otherKey := w.jwks.rsaKey, w.jwks.ecKey, w.jwks.edKey, w.jwks.otherKey
	now := time.Now().Unix()
	claims := func(sub, aud string) map[string]any {
		return map[string]any{"sub": sub, "iss": "https://issuer.example", "aud": aud, "iat": now, "exp": now + 600}
	}
	cases := []struct {
		name, token string
		status      int
		want        string
	}{
		{"RS256", signJWT(t, "RS256", "rsa-1", claims("u-rsa", "gojaapi"), rsaKey, nil), 200, `{"sub":"u-rsa","alg":"RS256","kid":"rsa-1"}`},
		{"ES256", signJWT(t, "ES256", "ec-1", claims("u-ec", "gojaapi"), ecKey, nil), 200, `{"sub":"u-ec","alg":"ES256","kid":"ec-1"}`},
		{"EdDSA", signJWT(t, "EdDSA", "ed-1", claims("u-ed", "gojaapi"), edKey, nil), 200, `{"sub":"u-ed","alg":"EdDSA","kid":"ed-1"}`},
		{"wrong key", signJWT(t, "ES256", "ec-1", claims("u-ec", "gojaapi"), otherKey, nil), 401,
			`{"code":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED","jose":true,"message":"signature verification failed"}`},
		{"unknown kid", signJWT(t, "ES256", "ec-9", claims("u-ec", "gojaapi"), otherKey, nil), 401,
			`{"code":"ERR_JWKS_NO_MATCHING_KEY","jose":true,"message":"no applicable key found in the JSON Web Key Set"}`},
		{"wrong audience", signJWT(t, "RS256", "rsa-1", claims("u-rsa", "other"), rsaKey, nil), 401,
			`{"code":"ERR_JWT_CLAIM_VALIDATION_FAILED","jose":true,"message":"unexpected \"aud\" claim value"}`},
		{"no token", "", 401, `{"code":"ERR_JWS_INVALID","jose":true,"message":"Invalid Compact JWS"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, "GET", base+"/api/jose/remote", "", "Authorization", "Bearer "+c.token)
			if r.status != c.status || r.body != c.want {
				t.Fatalf("got %d %s\nwant %d %s\n%s", r.status, r.body, c.status, c.want, logs)
			}
		})
	}
	// One worker, one cached key set: the JWKS was fetched once (an unknown
	// kid does not refetch within jose's 30 s cooldown).
	if n := w.jwks.fetches.Load(); n != 1 {
		t.Fatalf("JWKS fetched %d times, want 1", n)
	}
}

// fakeOpenAI is a local stand-in for the OpenAI REST API: chat completions,
// plain and streamed as server-sent events.
type fakeOpenAI struct {
	mu      sync.Mutex
	headers []http.Header
	bodies  []map[string]any
}

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := "sk-test-123"
	if rest, ok := strings.CutPrefix(r.URL.Path, "/rotated"); ok {
		key = "sk-rotated" // the keys were rotated: the handlers' key is stale
		r.URL.Path = rest
	}
	if r.Method != "POST" || r.URL.Path != "/v1/chat/completions" {
		w.WriteHeader(404)
		io.WriteString(w, `{"error":{"message":"Unknown request URL","type":"invalid_request_error"}}`)
		return
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		w.WriteHeader(400)
		return
	}
	f.mu.Lock()
	f.headers = append(f.headers, r.Header.Clone())
	f.bodies = append(f.bodies, body)
	f.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+key {
		w.WriteHeader(401)
		io.WriteString(w, `{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}`)
		return
	}
	prompt := body["messages"].([]any)[0].(map[string]any)["content"].(string)
	if body["stream"] != true {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":%q,`+
			`"choices":[{"index":0,"message":{"role":"assistant","content":%q},"finish_reason":"stop"}],`+
			`"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}`, body["model"], "You said: "+prompt)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl := w.(http.Flusher)
	chunk := func(delta, finish string) {
		d := map[string]any{}
		if delta != "" {
			d["content"] = delta
		}
		var fr any
		if finish != "" {
			fr = finish
		}
		b, _ := json.Marshal(map[string]any{"id": "chatcmpl-2", "object": "chat.completion.chunk",
			"created": 1700000000, "model": body["model"], "choices": []any{map[string]any{"index": 0, "delta": d, "finish_reason": fr}}})
		fmt.Fprintf(w, "data: %s\n\n", b)
		fl.Flush()
	}
	io.WriteString(w, ": keep-alive comment\n\n")
	for _, word := range []string{"Héllo", ", ", "streamed ", "wörld: ", prompt} {
		chunk(word, "")
		time.Sleep(5 * time.Millisecond)
	}
	chunk("", "stop")
	io.WriteString(w, "data: [DONE]\n\n")
}

// pkgsWebOpenAI: the official openai client, pointed at a local fake of
// the API with baseURL, does a chat completion and a streamed one.
func pkgsWebOpenAI(t *testing.T, w *pkgsWeb) {
	fake := &fakeOpenAI{}
	up := httptest.NewServer(fake)
	defer up.Close()
	base, logs := w.base, w.logs

	r := do(t, "POST", base+"/api/openai/chat", `{"prompt":"hi there"}`, "Content-Type", "application/json", "X-Upstream", up.URL+"/v1")
	if r.status != 200 || r.body != `{"id":"chatcmpl-1","text":"You said: hi there","tokens":12}` {
		t.Fatalf("chat: %d %s\n%s", r.status, r.body, logs)
	}
	r = do(t, "POST", base+"/api/openai/stream", `{"prompt":"ok"}`, "Content-Type", "application/json", "X-Upstream", up.URL+"/v1")
	if r.status != 200 || r.body != `{"text":"Héllo, streamed wörld: ok","chunks":6,"finish":"stop"}` {
		t.Fatalf("stream: %d %s\n%s", r.status, r.body, logs)
	}
	fake.mu.Lock()
	headers, bodies := fake.headers, fake.bodies
	fake.mu.Unlock()
	if len(bodies) != 2 {
		t.Fatalf("upstream saw %d requests", len(bodies))
	}
	for i, h := range headers {
		if ct := h.Get("Content-Type"); ct != "application/json" {
			t.Errorf("request %d Content-Type %q", i, ct)
		}
	}
	if got := mustJSON(t, bodies[0]); got != `{"messages":[{"content":"hi there","role":"user"}],"model":"gpt-4o-mini"}` {
		t.Errorf("chat request body %s", got)
	}
	if bodies[1]["stream"] != true {
		t.Errorf("stream request body %v", bodies[1])
	}

	// A key the upstream no longer accepts: the client's typed error (401)
	// reaches the handler, which does not catch it: 500.
	r = do(t, "POST", base+"/api/openai/chat", `{"prompt":"x"}`, "Content-Type", "application/json", "X-Upstream", up.URL+"/rotated/v1")
	if r.status != 500 || !strings.Contains(logs.String(), "401 Incorrect API key provided") {
		t.Fatalf("wrong key: %d %s\n%s", r.status, r.body, logs)
	}
}

// itemsUpstream is a small JSON REST API for the axios tests.
func itemsUpstream(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("X-Api-Key") != "key-1" && r.URL.Path != "/open" {
			w.WriteHeader(401)
			io.WriteString(w, `{"error":"bad key"}`)
			return
		}
		switch {
		case r.Method == "GET" && r.URL.Path == "/items":
			fmt.Fprintf(w, `[{"id":1,"name":"one"},{"id":2,"name":"two"}]`)
			if r.URL.Query().Get("limit") != "2" {
				t.Errorf("GET /items query %q", r.URL.RawQuery)
			}
		case r.Method == "POST" && r.URL.Path == "/items":
			var in map[string]any
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
				w.WriteHeader(400)
				return
			}
			in["id"] = 3
			w.WriteHeader(201)
			io.WriteString(w, mustJSON(t, in))
		default:
			w.WriteHeader(404)
			io.WriteString(w, `{"error":"not found"}`)
		}
	}))
}

// pkgsWebAxiosFetch: axios with adapter 'fetch' does GET and POST JSON and
// turns a 404 into an AxiosError with the response.
func pkgsWebAxiosFetch(t *testing.T, w *pkgsWeb) {
	up := itemsUpstream(t)
	defer up.Close()
	base, logs := w.base, w.logs
	r := do(t, "POST", base+"/api/axios/fetch", `{"name":"three"}`, "Content-Type", "application/json", "X-Upstream", up.URL)
	want := `{"list":{"status":200,"type":"application/json","data":[{"id":1,"name":"one"},{"id":2,"name":"two"}]},` +
		`"created":{"status":201,"data":{"id":3,"name":"three","tags":["a","b"]}},` +
		`"missing":{"status":404,"code":"ERR_BAD_REQUEST","data":{"error":"not found"}}}`
	if r.status != 200 || r.body != want {
		t.Fatalf("got %d %s\nwant %s\n%s", r.status, r.body, want, logs)
	}
}

// pkgsWebAxiosDefaultAdapter pins what axios's default adapter does. On
// the Node platform axios picks its http adapter (Node's http module), which
// cannot open sockets here: the user gets ERR_GOJAAPI_UNAVAILABLE pointing to
// fetch, and adapter: 'fetch' is the fix.
func pkgsWebAxiosDefaultAdapter(t *testing.T, w *pkgsWeb) {
	up := itemsUpstream(t)
	defer up.Close()
	base, logs := w.base, w.logs
	r := do(t, "GET", base+"/api/axios/default", "", "X-Upstream", up.URL)
	want := `{"ok":false,"name":"Error","code":"ERR_GOJAAPI_UNAVAILABLE","message":"http.request() is not available in gojaapi: ` +
		`handlers cannot open sockets or start servers. Use fetch() for outgoing HTTP requests."}`
	if r.status != 502 || r.body != want {
		t.Fatalf("got %d %s\nwant %s\n%s", r.status, r.body, want, logs)
	}
}

// stripeWebhookSecret is STRIPE_WEBHOOK_SECRET in the handlers' environment.
const stripeWebhookSecret = "whsec_test_secret"

// stripeSignature signs a webhook payload the way Stripe does: v1 is the hex
// HMAC-SHA256 of "timestamp.payload" under the endpoint secret.
func stripeSignature(secret string, ts int64, payload string) string {
	m := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(m, "%d.%s", ts, payload)
	return fmt.Sprintf("t=%d,v1=%s", ts, hex.EncodeToString(m.Sum(nil)))
}

// pkgsWebStripeWebhook: stripe.webhooks.constructEvent checks the
// signature over the raw body of a bodyParser:false route.
func pkgsWebStripeWebhook(t *testing.T, w *pkgsWeb) {
	const secret = stripeWebhookSecret
	base, logs := w.base, w.logs
	// Odd spacing and non-ASCII text: any re-serialisation breaks the signature.
	payload := "{\n  \"id\": \"evt_1\",  \"object\": \"event\", \"type\": \"payment_intent.succeeded\",\n" +
		"  \"data\": {\"object\": {\"id\": \"pi_42\", \"object\": \"payment_intent\", \"amount\": 2000, \"description\": \"Crème brûlée ☕\"}}\n}"
	now := time.Now().Unix()
	cases := []struct {
		name, body, sig string
		status          int
		want            string
	}{
		{"valid", payload, stripeSignature(secret, now, payload), 200, `{"received":true,"type":"payment_intent.succeeded","id":"pi_42","amount":2000}`},
		{"other event", `{"id":"evt_2","object":"event","type":"customer.created","data":{"object":{}}}`,
			stripeSignature(secret, now, `{"id":"evt_2","object":"event","type":"customer.created","data":{"object":{}}}`), 200,
			`{"received":true,"type":"customer.created"}`},
		{"wrong secret", payload, stripeSignature("whsec_other", now, payload), 400, "Webhook Error: No signatures found matching the expected signature for payload."},
		{"altered body", strings.Replace(payload, "2000", "1", 1), stripeSignature(secret, now, payload), 400, "Webhook Error: No signatures found matching the expected signature for payload."},
		{"old timestamp", payload, stripeSignature(secret, now-3600, payload), 400, "Webhook Error: Timestamp outside the tolerance zone"},
		{"no header", payload, "", 400, "Webhook Error: No stripe-signature header value was provided."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hdr := []string{"Content-Type", "application/json"}
			if c.sig != "" {
				hdr = append(hdr, "Stripe-Signature", c.sig)
			}
			r := do(t, "POST", base+"/api/stripe/webhook", c.body, hdr...)
			if r.status != c.status || !strings.HasPrefix(r.body, c.want) {
				t.Fatalf("got %d %s\nwant %d %s\n%s", r.status, r.body, c.status, c.want, logs)
			}
		})
	}
}

// pkgsWebStripeAPI: an API call through stripe's Node build. Its default
// HTTP client is Node's https module, which handlers cannot use; the SDK's
// fetch client (Stripe.createFetchHttpClient()) works.
func pkgsWebStripeAPI(t *testing.T, w *pkgsWeb) {
	var form atomic.Value
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "POST" || r.URL.Path != "/v1/customers" || r.Header.Get("Authorization") != "Bearer sk_test_123" {
			w.WriteHeader(400)
			io.WriteString(w, `{"error":{"type":"invalid_request_error","message":"bad request"}}`)
			return
		}
		r.ParseForm()
		form.Store(r.PostForm.Encode())
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-Id", "req_1")
		fmt.Fprintf(w, `{"id":"cus_1","object":"customer","email":%q,"metadata":{"plan":%q}}`, r.PostForm.Get("email"), r.PostForm.Get("metadata[plan]"))
	}))
	defer up.Close()
	base, logs := w.base, w.logs
	r := do(t, "POST", base+"/api/stripe/customer?client=fetch", `{"email":"ann@example.com"}`, "Content-Type", "application/json", "X-Upstream", up.URL)
	if r.status != 200 || r.body != `{"id":"cus_1","email":"ann@example.com","object":"customer"}` {
		t.Fatalf("fetch client: %d %s\n%s", r.status, r.body, logs)
	}
	if f, _ := form.Load().(string); f != "email=ann%40example.com&metadata%5Bplan%5D=pro" {
		t.Fatalf("form %q", f)
	}
	r = do(t, "POST", base+"/api/stripe/customer", `{"email":"ann@example.com"}`, "Content-Type", "application/json", "X-Upstream", up.URL)
	want := `{"type":"StripeConnectionError","message":"An error occurred with our connection to Stripe.","cause":"ERR_GOJAAPI_UNAVAILABLE"}`
	if r.status != 502 || r.body != want {
		t.Fatalf("default client: %d %s\nwant %s", r.status, r.body, want)
	}
}

// fakeUpstash is a local Redis REST API (Upstash's protocol): POST a JSON
// command array to / and get {"result": ...}, or POST an array of commands to
// /pipeline and get an array of results (the SDK auto-pipelines by default).
// String results are base64-encoded when the client asks for it
// (Upstash-Encoding: base64, the SDK's default).
func fakeUpstash(t *testing.T, token string) *httptest.Server {
	var mu sync.Mutex
	data := map[string]string{}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "Bearer "+token {
			w.WriteHeader(401)
			io.WriteString(w, `{"error":"Unauthorized"}`)
			return
		}
		enc := func(s string) any {
			if r.Header.Get("Upstash-Encoding") == "base64" {
				return base64.StdEncoding.EncodeToString([]byte(s))
			}
			return s
		}
		exec := func(cmd []any) map[string]any {
			if len(cmd) < 2 {
				return map[string]any{"error": "ERR wrong number of arguments"}
			}
			key := fmt.Sprint(cmd[1])
			switch strings.ToLower(fmt.Sprint(cmd[0])) {
			case "set":
				data[key] = fmt.Sprint(cmd[2])
				return map[string]any{"result": enc("OK")}
			case "get":
				if v, ok := data[key]; ok {
					return map[string]any{"result": enc(v)}
				}
				return map[string]any{"result": nil}
			case "incr":
				var n int
				fmt.Sscan(data[key], &n)
				n++
				data[key] = fmt.Sprint(n)
				return map[string]any{"result": n}
			}
			return map[string]any{"error": fmt.Sprintf("ERR unknown command '%v'", cmd[0])}
		}
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/":
			var cmd []any
			if json.Unmarshal(body, &cmd) != nil {
				w.WriteHeader(400)
				io.WriteString(w, `{"error":"ERR failed to parse command"}`)
				return
			}
			io.WriteString(w, mustJSON(t, exec(cmd)))
		case "/pipeline":
			var cmds [][]any
			if json.Unmarshal(body, &cmds) != nil {
				w.WriteHeader(400)
				io.WriteString(w, `{"error":"ERR failed to parse pipeline request"}`)
				return
			}
			out := make([]any, len(cmds))
			for i, c := range cmds {
				out[i] = exec(c)
			}
			io.WriteString(w, mustJSON(t, out))
		default:
			w.WriteHeader(404)
			io.WriteString(w, `{"error":"not found"}`)
		}
	}))
}

// pkgsWebUpstashRedis: @upstash/redis sets, increments and gets through a
// local Redis REST server.
func pkgsWebUpstashRedis(t *testing.T, w *pkgsWeb) {
	up := fakeUpstash(t, "tok-1")
	defer up.Close()
	base, logs := w.base, w.logs
	for i, want := range []string{
		`{"visits":1,"last":{"name":"zoë","at":1700000000},"missing":null}`,
		`{"visits":2,"last":{"name":"bob","at":1700000000},"missing":null}`,
	} {
		name := []string{"zo%C3%AB", "bob"}[i]
		r := do(t, "GET", base+"/api/redis?name="+name, "", "X-Upstream", up.URL)
		if r.status != 200 || r.body != want {
			t.Fatalf("got %d %s\nwant %s\n%s", r.status, r.body, want, logs)
		}
	}
}

// pkgsWebSupabase: @supabase/supabase-js selects rows through a local
// PostgREST stand-in, and reports PostgREST's error for a missing table. Its
// realtime client wants a global WebSocket (see pages/api/supabase.js).
func pkgsWebSupabase(t *testing.T, w *pkgsWeb) {
	var seen atomic.Value
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if r.Header.Get("apikey") != "anon-key" || r.Header.Get("Authorization") != "Bearer anon-key" {
			w.WriteHeader(401)
			io.WriteString(w, `{"message":"Invalid API key"}`)
			return
		}
		switch r.URL.Path {
		case "/rest/v1/countries":
			seen.Store(r.URL.Query().Encode())
			io.WriteString(w, `[{"id":3,"name":"Austria"},{"id":1,"name":"Belgium"}]`)
		default:
			w.WriteHeader(404)
			io.WriteString(w, `{"code":"PGRST205","details":null,"hint":null,"message":"Could not find the table 'public.nope' in the schema cache"}`)
		}
	}))
	defer up.Close()
	base, logs := w.base, w.logs
	r := do(t, "GET", base+"/api/supabase?continent=Europe", "", "X-Upstream", up.URL)
	want := `{"data":[{"id":3,"name":"Austria"},{"id":1,"name":"Belgium"}],` +
		`"missing":{"code":"PGRST205","details":null,"hint":null,"message":"Could not find the table 'public.nope' in the schema cache"}}`
	if r.status != 200 || r.body != want {
		t.Fatalf("got %d %s\nwant %s\n%s", r.status, r.body, want, logs)
	}
	if q, _ := seen.Load().(string); q != "continent=eq.Europe&limit=2&order=name.asc&select=id%2Cname" {
		t.Fatalf("PostgREST query %q", q)
	}
	// As written, createClient throws as it does on Node 20: no WebSocket.
	r = do(t, "GET", base+"/api/supabase?continent=Europe&as-written=1", "", "X-Upstream", up.URL)
	want = `{"createClient":"Node.js detected but native WebSocket not found.\n\nSuggested solution: ` +
		`Ensure you are running Node.js 22+ or provide a WebSocket implementation via the transport option."}`
	if r.status != 500 || r.body != want {
		t.Fatalf("as written: %d %s\nwant %s", r.status, r.body, want)
	}
}

// pkgsWebGraphQLYoga: Next.js's api-routes-graphql example, unchanged.
func pkgsWebGraphQLYoga(t *testing.T, w *pkgsWeb) {
	base, logs := w.base, w.logs
	r := do(t, "POST", base+"/api/graphql", `{"query":"{ users { name } }"}`, "Content-Type", "application/json")
	if r.status != 200 || r.body != `{"data":{"users":[{"name":"Nextjs"}]}}` {
		t.Fatalf("POST: %d %s\n%s", r.status, r.body, logs)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("POST Content-Type %q", ct)
	}
	r = do(t, "GET", base+"/api/graphql?query=%7Busers%7Bname%7D%7D", "", "Accept", "application/json")
	if r.status != 200 || r.body != `{"data":{"users":[{"name":"Nextjs"}]}}` {
		t.Fatalf("GET query: %d %s\n%s", r.status, r.body, logs)
	}
	r = do(t, "POST", base+"/api/graphql", `{"query":"{ nope }"}`, "Content-Type", "application/json")
	if r.status != 200 || r.body != `{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".",`+
		`"locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}` {
		t.Fatalf("invalid query: %d %s", r.status, r.body)
	}
	r = do(t, "GET", base+"/api/graphql", "", "Accept", "text/html")
	// Node serves the same page: 1371 bytes of text/html.
	if r.status != 200 || r.header.Get("Content-Type") != "text/html" || len(r.body) != 1371 ||
		!strings.Contains(r.body, "<title>Yoga GraphiQL</title>") {
		t.Fatalf("GraphiQL: %d %q %.300s", r.status, r.header.Get("Content-Type"), r.body)
	}
}

// proxyFixture is the masked upstream service: it sends a first chunk, then
// holds the rest until the test releases the request's path.
type proxyFixture struct {
	srv      *httptest.Server
	mu       sync.Mutex
	releases map[string]chan struct{}
	auth     atomic.Value
}

func newProxyFixture(t *testing.T) *proxyFixture {
	f := &proxyFixture{releases: map[string]chan struct{}{}}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.auth.Store(r.Header.Get("Authorization"))
		f.mu.Lock()
		release := f.releases[r.URL.Path]
		f.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "first chunk\n")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-time.After(10 * time.Second):
		}
		io.WriteString(w, "second chunk\n")
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// pkgsWebProxyStreams: the "mask an external URL" case. The handler
// fetches an upstream named in the environment and pipes its body to the
// client (with a reader loop, for await, Readable.fromWeb(...).pipe(res) and
// stream/promises pipeline); the client gets the first chunk while the
// upstream is still holding back the rest.
func pkgsWebProxyStreams(t *testing.T, w *pkgsWeb) {
	base, logs, f := w.base, w.logs, w.proxy
	mu, releases, auth := &f.mu, f.releases, &f.auth
	for _, mode := range []string{"reader", "for-await", "from-web", "pipeline"} {
		t.Run(mode, func(t *testing.T) {
			release := make(chan struct{})
			mu.Lock()
			releases["/"+mode] = release
			mu.Unlock()
			defer func() {
				select {
				case <-release:
				default:
					close(release)
				}
			}()
			resp, err := http.Get(base + "/api/proxy?mode=" + mode + "&path=/" + mode)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
				t.Fatalf("status %d, Content-Type %q\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), logs)
			}
			br := bufio.NewReader(resp.Body)
			first := make(chan string, 1)
			go func() {
				line, _ := br.ReadString('\n')
				first <- line
			}()
			select {
			case line := <-first:
				if line != "first chunk\n" {
					t.Fatalf("first line %q\n%s", line, logs)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("the first chunk did not reach the client while the upstream held the rest\n%s", logs)
			}
			// Only now may the upstream finish.
			close(release)
			rest, err := io.ReadAll(br)
			if err != nil || string(rest) != "second chunk\n" {
				t.Fatalf("rest %q, %v\n%s", rest, err, logs)
			}
			if a, _ := auth.Load().(string); a != "Bearer secret-1" {
				t.Fatalf("upstream Authorization %q", a)
			}
		})
	}
}
