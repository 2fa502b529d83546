package compat

import (
	"github.com/dop251/goja"
	"golang.org/x/net/idna"
)

// node:url is compat/js/url.js; Go supplies IDNA (UTS #46) processing,
// which the WHATWG host parser needs for non-ASCII and punycode domains.

func init() {
	registerJS("url", "url.js")
	registerGlobal("URL", "url", "URL")
	registerGlobal("URLSearchParams", "url", "URLSearchParams")
	registerGo("internal/url", loadURLNatives)
}

// whatwgIDNA is domain-to-ASCII as the URL standard calls it: UTS #46
// non-transitional processing, CheckBidi and CheckJoiners on, STD3 rules
// and DNS length checks off.
var whatwgIDNA = idna.New(
	idna.MapForLookup(),
	idna.Transitional(false),
	idna.CheckHyphens(false),
	idna.CheckJoiners(true),
	idna.BidiRule(),
	idna.StrictDomainName(false),
	idna.VerifyDNSLength(false),
)

func loadURLNatives(h *Host, module *goja.Object) {
	o := h.VM.NewObject()
	// toASCII returns the ASCII form of a domain, or null when invalid.
	_ = o.Set("toASCII", func(domain string) goja.Value {
		s, err := whatwgIDNA.ToASCII(domain)
		if err != nil {
			return goja.Null()
		}
		return h.VM.ToValue(s)
	})
	_ = o.Set("toUnicode", func(domain string) string {
		s, _ := whatwgIDNA.ToUnicode(domain)
		return s
	})
	_ = module.Set("exports", o)
}
