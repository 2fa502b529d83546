package gojaapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"mime/multipart"
	"net/textproto"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gojaapi/gojaapi/loader"
)

// The Node-world npm packages of Next.js API routes (testdata/pkgs-node):
// each handler is written the way Next.js users write it, and the expected
// bodies are what `next start` (16.4.6) answers for the same handler and
// request, unless a comment says otherwise.

// pkgsNodeServer serves testdata/pkgs-node with two workers.
func pkgsNodeServer(t *testing.T) (string, *logBuffer) {
	t.Helper()
	if _, err := os.Stat("testdata/pkgs-node/node_modules"); err != nil {
		t.Fatalf("testdata/pkgs-node/node_modules is missing: run `make setup` (npm ci in testdata/pkgs-node)")
	}
	base, logs, _ := testServer(t, Options{Dir: "testdata/pkgs-node", Workers: 2, Env: map[string]string{"BCRYPT_ROUNDS": "4"}})
	return base, logs
}

// pkgsNodeWant checks the status and the exact body of a response.
func (r result) pkgsNodeWant(t *testing.T, status int, body string) {
	t.Helper()
	if r.status != status || r.body != body {
		t.Fatalf("got %d %s\nwant %d %s", r.status, r.body, status, body)
	}
}

// pkgsNodeHeader checks header values (an empty want means absent).
func (r result) pkgsNodeHeader(t *testing.T, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		got := strings.Join(r.header.Values(pairs[i]), "\n")
		if got != pairs[i+1] {
			t.Errorf("header %s = %q, want %q", pairs[i], got, pairs[i+1])
		}
	}
}

const pkgsNodeJSON = "application/json"

// TestPkgsNode runs every package's requests against one server (building
// the bundle of all these packages takes a few seconds).
func TestPkgsNode(t *testing.T) {
	base, logs := pkgsNodeServer(t)
	t.Run("cors", func(t *testing.T) { pkgsNodeCors(t, base) })
	t.Run("cookie", func(t *testing.T) { pkgsNodeCookie(t, base) })
	t.Run("next-connect", func(t *testing.T) { pkgsNodeNextConnect(t, base, logs) })
	t.Run("validation", func(t *testing.T) { pkgsNodeValidation(t, base) })
	t.Run("graphql", func(t *testing.T) { pkgsNodeGraphQL(t, base) })
	t.Run("jsonwebtoken", func(t *testing.T) { pkgsNodeJWT(t, base) })
	t.Run("bcryptjs", func(t *testing.T) { pkgsNodeBcrypt(t, base) })
	t.Run("uuid nanoid", func(t *testing.T) { pkgsNodeIDs(t, base) })
	t.Run("iron-session", func(t *testing.T) { pkgsNodeIronSession(t, base) })
	t.Run("utilities", func(t *testing.T) { pkgsNodeUtilities(t, base) })
	t.Run("micro", func(t *testing.T) { pkgsNodeMicro(t, base) })
	t.Run("uploads", func(t *testing.T) { pkgsNodeUploads(t, base) })
}

func pkgsNodeCors(t *testing.T, base string) {
	u := base + "/api/cors"
	r := do(t, "GET", u, "", "Origin", "https://app.example.com")
	r.pkgsNodeWant(t, 200, `{"method":"GET","origin":"https://app.example.com"}`)
	r.pkgsNodeHeader(t, "Access-Control-Allow-Origin", "https://app.example.com", "Access-Control-Allow-Credentials", "true",
		"Access-Control-Expose-Headers", "X-Request-Id", "Vary", "Origin, Accept-Encoding", "X-Request-Id", "req-1")
	// An origin matched by the RegExp entry.
	r = do(t, "GET", u, "", "Origin", "https://x.example.org")
	r.pkgsNodeWant(t, 200, `{"method":"GET","origin":"https://x.example.org"}`)
	r.pkgsNodeHeader(t, "Access-Control-Allow-Origin", "https://x.example.org")
	// A refused origin gets no Access-Control-Allow-Origin (cors still sets
	// the other headers); the handler runs.
	r = do(t, "GET", u, "", "Origin", "https://evil.com")
	r.pkgsNodeWant(t, 200, `{"method":"GET","origin":"https://evil.com"}`)
	r.pkgsNodeHeader(t, "Access-Control-Allow-Origin", "", "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Request-Id")

	// Preflight: cors ends the response itself with 204. (Node also sends the
	// Content-Length: 0 that cors sets; net/http drops it on a 204, as
	// RFC 9110 requires.)
	r = do(t, "OPTIONS", u, "", "Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Headers", "content-type")
	r.pkgsNodeWant(t, 204, "")
	r.pkgsNodeHeader(t, "Access-Control-Allow-Origin", "https://app.example.com", "Access-Control-Allow-Methods", "GET,POST,PUT",
		"Access-Control-Allow-Headers", "Content-Type,Authorization", "Access-Control-Max-Age", "600",
		"Access-Control-Allow-Credentials", "true", "Vary", "Origin", "X-Request-Id", "")
	r = do(t, "OPTIONS", u, "", "Origin", "https://evil.com", "Access-Control-Request-Method", "PUT")
	r.pkgsNodeWant(t, 204, "")
	r.pkgsNodeHeader(t, "Access-Control-Allow-Origin", "", "Access-Control-Allow-Methods", "GET,POST,PUT")
}

func pkgsNodeCookie(t *testing.T, base string) {
	r := do(t, "GET", base+"/api/cookie", "", "Cookie", "visits=4; other=a%20b")
	r.pkgsNodeWant(t, 200, `{"cookies":{"visits":"4","other":"a b"},"visits":5,"parsedBack":{"name":"theme","value":"dark mode; ☀","path":"/api","expires":"2030-01-02T03:04:05.000Z","secure":true,"partitioned":true,"priority":"high"},"header":"a=1; b=x%20y"}`)
	r.pkgsNodeHeader(t, "Set-Cookie", "visits=5; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax\n"+
		"theme=dark%20mode%3B%20%E2%98%80; Path=/api; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Secure; Partitioned; Priority=High")
	do(t, "GET", base+"/api/cookie", "").pkgsNodeWant(t, 200, `{"cookies":{},"visits":1,"parsedBack":{"name":"theme","value":"dark mode; ☀","path":"/api","expires":"2030-01-02T03:04:05.000Z","secure":true,"partitioned":true,"priority":"high"},"header":"a=1; b=x%20y"}`)
}

func pkgsNodeNextConnect(t *testing.T, base string, logs *logBuffer) {
	u := base + "/api/connect"
	r := do(t, "GET", u+"/items/1", "")
	r.pkgsNodeWant(t, 200, `{"item":{"id":1,"name":"first"},"params":{"id":"1"},"user":"anonymous"}`)
	r.pkgsNodeHeader(t, "X-Router", "next-connect", "Access-Control-Allow-Origin", "*")
	// A thrown error reaches onError.
	do(t, "GET", u+"/items/9", "").pkgsNodeWant(t, 404, `{"error":"no item 9"}`)
	do(t, "GET", u+"/a?b=1", "").pkgsNodeWant(t, 200, `{"items":[{"id":1,"name":"first"}],"query":{"b":"1","slug":["a"]},"user":"anonymous"}`)
	r = do(t, "POST", u, `{"name":"x"}`, "Content-Type", pkgsNodeJSON, "X-User", "ann")
	if r.status != 201 || !regexp.MustCompile(`^\{"created":\{"id":\d+,"name":"x"\},"user":"ann"\}$`).MatchString(r.body) {
		t.Fatalf("POST: %d %s", r.status, r.body)
	}
	// An async handler's rejection reaches onError too.
	do(t, "POST", u, `{}`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 422, `{"error":"name is required"}`)
	r = do(t, "DELETE", u+"/items/1", "")
	r.pkgsNodeWant(t, 405, "Method DELETE Not Allowed")
	// The middleware's code after `await next()` ran once the handler was done.
	if !strings.Contains(logs.String(), `msg="GET /api/connect/items/1 200 in ok"`) {
		t.Errorf("middleware log line missing:\n%s", logs.String())
	}
}

func pkgsNodeValidation(t *testing.T, base string) {
	t.Run("zod", func(t *testing.T) {
		do(t, "POST", base+"/api/zod", `{"name":"Ann","email":"ann@example.com","age":30}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 200, `{"user":{"name":"Ann","email":"ann@example.com","age":30,"tags":[],"role":"user"}}`)
		do(t, "POST", base+"/api/zod", `{"name":"A","email":"nope","age":-1.5,"role":"root","tags":[1]}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"issues":[{"path":["name"],"code":"too_small","message":"Too small: expected string to have >=2 characters"},{"path":["email"],"code":"invalid_format","message":"Invalid email address"},{"path":["age"],"code":"invalid_type","message":"Invalid input: expected int, received number"},{"path":["tags",0],"code":"invalid_type","message":"Invalid input: expected string, received number"},{"path":["role"],"code":"invalid_value","message":"Invalid option: expected one of \"admin\"|\"user\""}],"flat":{"name":["Too small: expected string to have >=2 characters"],"email":["Invalid email address"],"age":["Invalid input: expected int, received number"],"tags":["Invalid input: expected string, received number"],"role":["Invalid option: expected one of \"admin\"|\"user\""]}}`)
		do(t, "POST", base+"/api/zod", `[]`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"issues":[{"path":[],"code":"invalid_type","message":"Invalid input: expected object, received array"}],"flat":{}}`)
	})
	t.Run("yup", func(t *testing.T) {
		// Casting ("30" to 30), stripUnknown and a default Date.
		do(t, "POST", base+"/api/yup", `{"name":"Ann","email":"ann@example.com","age":"30","extra":1}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 200, `{"value":{"createdOn":"2024-01-01T00:00:00.000Z","age":30,"email":"ann@example.com","name":"Ann"}}`)
		do(t, "POST", base+"/api/yup", `{"name":"A","email":"nope","age":-1}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"name":"ValidationError","errors":["name must be at least 2 characters","email must be a valid email","age must be a positive number"],"paths":["name","email","age"]}`)
		do(t, "POST", base+"/api/yup", `{"email":"a@b.co"}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"name":"ValidationError","errors":["name is a required field"],"paths":["name"]}`)
	})
}

func pkgsNodeGraphQL(t *testing.T, base string) {
	t.Run("graphql-js", func(t *testing.T) {
		do(t, "GET", base+`/api/graphql?query=%7Bhello(name:%22Go%22)%20sum(a:2,b:3)%7D`, "").
			pkgsNodeWant(t, 200, `{"data":{"hello":"Hello, Go!","sum":5}}`)
		do(t, "POST", base+"/api/graphql", `{"query":"query($n:Int){points(n:$n){x y} greeting}","variables":{"n":3},"schema":"code"}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 200, `{"data":{"points":[{"x":0,"y":0},{"x":1,"y":1},{"x":2,"y":4}],"greeting":"hi"}}`)
		do(t, "POST", base+"/api/graphql", `{"query":"{ nope }"}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}]}]}`)
		do(t, "POST", base+"/api/graphql", `{"query":"{ hello(name: 1) "}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":18}]}]}`)
	})
	t.Run("apollo next integration", func(t *testing.T) {
		r := do(t, "POST", base+"/api/apollo", `{"query":"query Q($id: ID!) { book(id: $id) { title author { name books { title } } } }","variables":{"id":"3"}}`, "Content-Type", pkgsNodeJSON)
		r.pkgsNodeWant(t, 200, `{"data":{"book":{"title":"The Silmarillion","author":{"name":"J. R. R. Tolkien","books":[{"title":"The Hobbit"},{"title":"The Silmarillion"}]}}}}`+"\n")
		r.pkgsNodeHeader(t, "Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store")
		do(t, "POST", base+"/api/apollo", `{"query":"{ nope }"}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 400, `{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`+"\n")
		// Apollo's CSRF prevention blocks a plain GET; its preflight header lets it through.
		do(t, "GET", base+"/api/apollo?query=%7Bhello%7D", "").
			pkgsNodeWant(t, 400, `{"errors":[{"message":"This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n","extensions":{"code":"BAD_REQUEST"}}]}`+"\n")
		do(t, "GET", base+"/api/apollo?query=%7Bhello(name:%22GET%22)%7D", "", "Apollo-Require-Preflight", "true").
			pkgsNodeWant(t, 200, `{"data":{"hello":"Hello, GET!"}}`+"\n")
	})
	t.Run("apollo executeOperation", func(t *testing.T) {
		do(t, "GET", base+"/api/apollo-execute?id=2", "").
			pkgsNodeWant(t, 200, `{"kind":"single","singleResult":{"data":{"book":{"title":"Dune","author":{"name":"Frank Herbert"}}}}}`)
	})
}

func pkgsNodeJWT(t *testing.T, base string) {
	// The tokens are deterministic (fixed iat and keys; RS256 is PKCS#1 v1.5)
	// and byte for byte what Node's jsonwebtoken produces.
	const hs = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDM2MDAsImlzcyI6ImdvamFhcGkifQ.wTM-wiyCU-aGtwrmxqBlEzryN-WS73KTOikqEKVd8L0"
	const rs = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDM2MDB9.f3RiHiEnnyyi0YvYyKsYVyjET6t-Ab5a2hY9O8s6kZLiaZYBTvU2Wn1wlnM-hD1-QyZgPdYOAuJwBdMIlObISabWLgk2Y6pPNUCVR5mLi_cspmCmZml5S4Z6nt-G9eEwDUvtmCIkcN7ztOSxsC2P9PhH3_GNwKXD75COTGCn0-fnDYgCw5NkvZpjSK5RLvgX5Vk3wScCapLJjuDzj07EgZuJruipd0k_vVV_tI1dR-zuOC2hppRXwsOb-LvxWkpww-EOgjLhPagwQLoP3nGCi-kVDESkqOBXe3Sfk38q-cCQ-9Uuuj4prDDtU_YqDxaA7SvfiyzqMeAPNvwn2Z5U8w"
	common := `"hsVerified":{"ok":true,"payload":{"sub":"user-42","role":"admin","iat":1700000000,"exp":1700003600,"iss":"gojaapi"}},` +
		`"rsVerified":{"ok":true,"payload":{"sub":"user-42","role":"admin","iat":1700000000,"exp":1700003600}},` +
		`"rsHeader":{"alg":"RS256","typ":"JWT","kid":"k1"},` +
		`"expired":{"ok":false,"name":"TokenExpiredError","message":"jwt expired","isDate":true},` +
		`"wrongSecret":{"ok":false,"name":"JsonWebTokenError","message":"invalid signature"},` +
		`"wrongAlg":{"ok":false,"name":"JsonWebTokenError","message":"invalid algorithm"},`
	do(t, "GET", base+"/api/jwt", "").pkgsNodeWant(t, 200, `{"hs":"`+hs+`","rs":"`+rs+`",`+common+`"bearer":null}`)
	// A token signed by Node (jwt.sign({ sub: 'client', scope: 'read' }, secret, { noTimestamp: true })).
	const fromNode = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQiLCJzY29wZSI6InJlYWQifQ.2Uv2stKEubccTLwNt-aSVBfHsnqar3C640Yx_duxOHI"
	do(t, "GET", base+"/api/jwt", "", "Authorization", "Bearer "+fromNode).
		pkgsNodeWant(t, 200, `{"hs":"`+hs+`","rs":"`+rs+`",`+common+`"bearer":{"ok":true,"payload":{"sub":"client","scope":"read"}}}`)
	do(t, "GET", base+"/api/jwt", "", "Authorization", "Bearer "+fromNode[:len(fromNode)-2]+"xx").
		pkgsNodeWant(t, 200, `{"hs":"`+hs+`","rs":"`+rs+`",`+common+`"bearer":{"ok":false,"name":"JsonWebTokenError","message":"invalid signature"}}`)
}

func pkgsNodeBcrypt(t *testing.T, base string) {
	// Cost 4 (BCRYPT_ROUNDS): bcryptjs is pure JS, and goja runs it about
	// 150 times slower than V8 (see the report of issue 5.4).
	do(t, "GET", base+"/api/bcrypt", "").pkgsNodeWant(t, 200, `{"rounds":4,"prefix":"$2b$04$","length":60,"saltMatches":true,"match":true,"mismatch":false,"known":true,"fixedSalt":"$2b$04$frDe.JmUd6YRkgVlaQL1s.kuWfaCcLTXnvMlgjTSTD/0pTfbiqt1u"}`)
	// A hash made by Node's bcryptjs, checked by the async compare.
	const nodeHash = "$2b$04$frDe.JmUd6YRkgVlaQL1s.kuWfaCcLTXnvMlgjTSTD/0pTfbiqt1u"
	do(t, "POST", base+"/api/bcrypt", `{"password":"hunter2","hash":"`+nodeHash+`"}`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 200, `{"match":true}`)
	do(t, "POST", base+"/api/bcrypt", `{"password":"hunter3","hash":"`+nodeHash+`"}`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 200, `{"match":false}`)
}

func pkgsNodeIDs(t *testing.T, base string) {
	// v5 is deterministic; v4, v7 and nanoid are random and checked for shape.
	do(t, "GET", base+"/api/ids", "").pkgsNodeWant(t, 200, `{"v4":{"valid":true,"version":4,"unique":true},"v4pattern":true,"v5":"cfbff0d1-9375-5685-968c-48ce8b15ae17","v5url":"6639460f-3425-5329-8097-a58f06127860","v7":{"valid":true,"version":7},"nanoid":{"length":21,"ok":true,"sized":10},"custom":true}`)
}

func pkgsNodeIronSession(t *testing.T, base string) {
	u := base + "/api/session"
	do(t, "GET", u, "").pkgsNodeWant(t, 401, `{"loggedIn":false}`)
	r := do(t, "POST", u, `{"name":"Ann"}`, "Content-Type", pkgsNodeJSON)
	r.pkgsNodeWant(t, 200, `{"loggedIn":true}`)
	sealRE := regexp.MustCompile(`^app_session=(Fe26\.2\*1\*[0-9a-f]{64}\*[\w-]{22}\*[\w-]+\*\d{13}\*[0-9a-f]{64}\*[\w-]{43}~2); Max-Age=1209540; Path=/; HttpOnly; SameSite=Lax$`)
	cookie := func(r result) string {
		t.Helper()
		m := sealRE.FindStringSubmatch(r.header.Get("Set-Cookie"))
		if m == nil {
			t.Fatalf("Set-Cookie %q", r.header.Get("Set-Cookie"))
		}
		return "app_session=" + m[1]
	}
	c1 := cookie(r)
	// The next request reads the session back and saves it again.
	r = do(t, "GET", u, "", "Cookie", c1)
	r.pkgsNodeWant(t, 200, `{"loggedIn":true,"user":{"id":7,"name":"Ann"},"views":1,"opened":{"ticket":"abc"},"sealPrefix":"Fe26.2*"}`)
	c2 := cookie(r)
	do(t, "GET", u, "", "Cookie", c2).pkgsNodeWant(t, 200, `{"loggedIn":true,"user":{"id":7,"name":"Ann"},"views":2,"opened":{"ticket":"abc"},"sealPrefix":"Fe26.2*"}`)
	// A tampered cookie is no session.
	do(t, "GET", u, "", "Cookie", strings.Replace(c2, "*1*", "*1*0", 1)).pkgsNodeWant(t, 401, `{"loggedIn":false}`)
	r = do(t, "DELETE", u, "", "Cookie", c2)
	r.pkgsNodeWant(t, 200, `{"loggedIn":false}`)
	r.pkgsNodeHeader(t, "Set-Cookie", "app_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax")
	// A seal made by Node's iron-session (sealData, ttl 0) opens here.
	const nodeSeal = "Fe26.2*1*1d117f877ce0deb11100e64aafc6551f4a884f5bb18312d7ac0caa4eab50e69c*sZXL1IWcGS25XI8Pw4pj6w*ONsENcWquGcSQDoz1pXyACrzqdR03KsJ0y6146Kyh34**80ef14a844e9418a43a5bb025ae48b8d613894cb362c07a907ec7467f430e57e*ZbyOCmHIWv5DgZcKHyDQqMUwKfuJhcAMJUBgmk516z8~2"
	do(t, "PUT", u, `{"seal":"`+nodeSeal+`"}`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 200, `{"data":{"user":"from-node","n":[1,2]}}`)
	do(t, "PUT", u, `{"seal":"`+strings.Replace(nodeSeal, "sZXL", "sZXM", 1)+`"}`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 200, `{"data":{}}`)
}

func pkgsNodeUtilities(t *testing.T, base string) {
	t.Run("lodash dayjs date-fns", func(t *testing.T) {
		// date-fns formats local times; the expected text holds in any time zone
		// because the handler builds those dates from local fields.
		do(t, "GET", base+"/api/utils", "").pkgsNodeWant(t, 200, `{"lodash":{"byCustomer":{"ann":37.25,"bob":12.5},"sorted":[1,2,3],"chunk":[[1,2],[3,4],[5]],"merged":{"a":{"b":1,"c":2}},"picked":{"id":1,"total":30},"camel":"fooBarBaz","kebab":"foo-bar-baz","template":"Hello Ann!","get":3,"uniq":2,"debounced":"function","isEqual":true},"dayjs":{"iso":"2024-02-28T23:30:00.000Z","formatted":"2024-02-28 23:30:00 UTC Wednesday February","plusMonth":"2024-03-28","startOfMonth":"2024-02-01T00:00:00.000Z","diffDays":10,"parsed":"2024-02-28T11:30:00.000Z","from":"10 days ago","leap":true,"unix":1709163000},"dateFns":{"plus3":"2024-03-02","diff":11,"formatted":"Wednesday, February 28th 2024 at 23:30","weekStart":"2024-02-26","invalid":false,"distance":"10 days"}}`)
	})
	t.Run("superjson", func(t *testing.T) {
		do(t, "GET", base+"/api/superjson", "").pkgsNodeWant(t, 200, `{"wire":{"json":{"createdAt":"2024-01-02T03:04:05.000Z","map":[["a",1],["b",{"nested":"1970-01-01T00:00:00.000Z"}]],"set":[1,2,3],"big":"12345678901234567890","nothing":null,"re":"/ab+c/gi","nan":"NaN","inf":"-Infinity","err":{"name":"Error","message":"boom"},"url":"https://example.com/a?b=c","money":{"cents":1999,"currency":"EUR"}},"meta":{"values":{"createdAt":["Date"],"map":["map",{"1.1.nested":["Date"]}],"set":["set"],"big":["bigint"],"nothing":["undefined"],"re":["regexp"],"nan":["number"],"inf":["number"],"err":["Error"],"url":["URL"],"money":[["class","Money"]]},"v":1}},"roundTrip":{"date":true,"map":true,"set":3,"big":true,"re":"ab+c","nan":true,"err":"boom","url":"https://example.com/a?b=c","money":1999}}`)
		do(t, "POST", base+"/api/superjson", `{"json":{"createdAt":"2024-01-02T03:04:05.000Z","tags":["a"],"big":"5","map":[["k",1]],"re":"/x/g","nothing":null},"meta":{"values":{"createdAt":["Date"],"tags":["set"],"big":["bigint"],"map":["map"],"re":["regexp"],"nothing":["undefined"]}}}`, "Content-Type", pkgsNodeJSON).
			pkgsNodeWant(t, 200, `{"createdAt":"2024-01-02T03:04:05.000Z","tags":["a"],"big":"10","map":{"k":1},"undef":true,"regex":"g"}`)
	})
	t.Run("http-errors", func(t *testing.T) {
		do(t, "GET", base+"/api/errors?id=1", "").pkgsNodeWant(t, 200, `{"id":1,"name":"Ann"}`)
		do(t, "GET", base+"/api/errors?id=x", "").pkgsNodeWant(t, 400, `{"name":"BadRequestError","message":"id must be numeric","status":400,"statusCode":400,"expose":true,"field":"id","isError":true,"isNotFound":false}`)
		do(t, "GET", base+"/api/errors?id=2", "").pkgsNodeWant(t, 404, `{"name":"NotFoundError","message":"user 2 not found","status":404,"statusCode":404,"expose":true,"field":null,"isError":true,"isNotFound":true}`)
		do(t, "GET", base+"/api/errors?crash=1", "").pkgsNodeWant(t, 503, `{"name":"ServiceUnavailableError","message":"Service Unavailable","status":503,"statusCode":503,"expose":false,"field":null,"isError":true,"isNotFound":false}`)
	})
}

func pkgsNodeMicro(t *testing.T, base string) {
	u := base + "/api/micro"
	do(t, "POST", u, `{"a":[1,"two"]}`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 200, `{"body":{"a":[1,"two"]},"same":true}`)
	do(t, "POST", u, `{bad`, "Content-Type", pkgsNodeJSON).pkgsNodeWant(t, 400, `{"error":"Invalid JSON","statusCode":400}`)
	do(t, "POST", u+"?as=text", "hello text", "Content-Type", "text/plain").pkgsNodeWant(t, 200, `{"text":"hello text"}`)
	do(t, "POST", u+"?as=text", strings.Repeat("a", 2000), "Content-Type", "text/plain").pkgsNodeWant(t, 413, `{"error":"Body exceeded 1kb limit","statusCode":413}`)
	do(t, "POST", u+"?as=buffer", "\x00\x01\xff", "Content-Type", "application/octet-stream").pkgsNodeWant(t, 200, `{"isBuffer":true,"length":3,"hex":"0001ff"}`)
}

// pkgsNodePart is one part of a multipart body: a field when filename is empty.
type pkgsNodePart struct{ name, filename, contentType, data string }

func pkgsNodeMultipart(t *testing.T, parts ...pkgsNodePart) (string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := w.SetBoundary("----gojaapi-test-boundary"); err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		if p.filename == "" {
			h.Set("Content-Disposition", `form-data; name="`+p.name+`"`)
		} else {
			h.Set("Content-Disposition", `form-data; name="`+p.name+`"; filename="`+p.filename+`"`)
			h.Set("Content-Type", p.contentType)
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		pw.Write([]byte(p.data))
	}
	w.Close()
	return b.String(), w.FormDataContentType()
}

// pkgsNodeUploadParts are two fields (one repeated), a text file and a binary file
// larger than one read chunk.
func pkgsNodeUploadParts() ([]pkgsNodePart, string) {
	bin := make([]byte, 200000)
	for i := range bin {
		bin[i] = byte(i*7 + i/256)
	}
	sum := sha256.Sum256(bin)
	return []pkgsNodePart{
		{name: "title", data: "My upload ✓"},
		{name: "tags", data: "a"},
		{name: "tags", data: "b"},
		{name: "doc", filename: "note.txt", contentType: "text/plain", data: "hello, world\n"},
		{name: "bin", filename: "blob.bin", contentType: "application/octet-stream", data: string(bin)},
	}, hex.EncodeToString(sum[:])
}

func pkgsNodeUploads(t *testing.T, base string) {
	parts, binSum := pkgsNodeUploadParts()
	body, ct := pkgsNodeMultipart(t, parts...)
	const noteSum = "853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020"
	t.Run("busboy", func(t *testing.T) {
		r := do(t, "POST", base+"/api/upload/busboy", body, "Content-Type", ct)
		r.pkgsNodeWant(t, 200, `{"fields":{"title":"My upload ✓","tags":"b"},"files":[`+
			`{"field":"doc","filename":"note.txt","encoding":"7bit","mimeType":"text/plain","size":13,"sha256":"`+noteSum+`","head":"hello, world\n","truncated":false},`+
			`{"field":"bin","filename":"blob.bin","encoding":"7bit","mimeType":"application/octet-stream","size":200000,"sha256":"`+binSum+`","head":"\u0000\u0007\u000e\u0015\u001c#*18?FMT[bi","truncated":false}]}`)
		do(t, "GET", base+"/api/upload/busboy", "").pkgsNodeWant(t, 405, "")
		r = do(t, "POST", base+"/api/upload/busboy", "x", "Content-Type", "text/plain")
		r.pkgsNodeWant(t, 400, `{"error":"Unsupported content type: text/plain"}`)
	})
	t.Run("formidable", func(t *testing.T) {
		r := do(t, "POST", base+"/api/upload/formidable", body, "Content-Type", ct)
		r.pkgsNodeWant(t, 200, `{"fields":{"title":["My upload ✓"],"tags":["a","b"]},"files":[`+
			`{"field":"doc","originalFilename":"note.txt","mimetype":"text/plain","size":13,"sha256":"`+noteSum+`","text":"hello, world\n"},`+
			`{"field":"bin","originalFilename":"blob.bin","mimetype":"application/octet-stream","size":200000,"sha256":"`+binSum+`","text":null}]}`)
		// formidable's default stores files in os.tmpdir(). Handlers cannot
		// write files here (next start answers 200): the write stream fails
		// asynchronously, as in Node, and either form.parse rejects with
		// EROFS or, when the error comes after the end of the body (formidable
		// then ignores it), reading the file back fails with EACCES. Either
		// way the handler answers with an error instead of hanging.
		r = do(t, "POST", base+"/api/upload/formidable?store=disk", body, "Content-Type", ct)
		var got struct{ Error, Code string }
		if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != 500 || (got.Code != "EROFS" && got.Code != "EACCES") {
			t.Fatalf("disk store: %d %s", r.status, r.body)
		}
	})
}

// TestPkgsNodeExportConditions pins which build of each package the bundle
// takes (architecture §2): esbuild's Node platform resolves the "node"
// export condition, so packages with a Node build get it and rely on the
// compat built-ins (uuid's dist-node on node:crypto, lru-cache's node build
// on node:diagnostics_channel), while nanoid, whose exports only split
// browser from default, gets its default (Node) build, which needs Buffer and
// the global crypto.getRandomValues.
func TestPkgsNodeExportConditions(t *testing.T) {
	dir, err := filepath.Abs("testdata/pkgs-node")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		t.Fatalf("testdata/pkgs-node/node_modules is missing: run `make setup`")
	}
	routes, err := loader.Discover(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	b, err := loader.Build(loader.BuildOptions{Dir: dir, Routes: routes})
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]bool{}
	for _, in := range b.Inputs {
		inputs[in] = true
	}
	for _, f := range []string{
		"node_modules/uuid/dist-node/index.js",
		"node_modules/nanoid/index.js",
		"node_modules/lru-cache/dist/commonjs/node/index.min.js",
		"node_modules/@noble/hashes/cryptoNode.js",
		"node_modules/bcryptjs/index.js",
		"node_modules/iron-webcrypto/index.js",
	} {
		if !inputs[f] {
			t.Errorf("bundle does not include %s", f)
		}
	}
	for _, f := range []string{
		"node_modules/uuid/dist/index.js",
		"node_modules/nanoid/index.browser.js",
		"node_modules/lru-cache/dist/commonjs/browser/index.min.js",
		"node_modules/@noble/hashes/crypto.js",
	} {
		if inputs[f] {
			t.Errorf("bundle includes %s, a non-Node build", f)
		}
	}
}
