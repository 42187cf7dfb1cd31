package scan

import "github.com/poolcheck/poolcheck/catalog"

// prismaURLKeys are the datasource fields that hold a connection string.
var prismaURLKeys = map[string]bool{"url": true, "directUrl": true, "shadowDatabaseUrl": true}

// parsePrisma reads a Prisma schema: // and /// comments, and in each
// datasource block the url, directUrl and shadowDatabaseUrl fields. A
// string literal there is a Prisma connection string (the driver is
// Prisma whatever the scheme); env("DATABASE_URL") is not constant and
// is left to the scan of the .env files that set it. Strings are
// decoded as JSON strings, which is what Prisma's schema language uses.
func parsePrisma(f *fileScan) {
	src := f.src
	var toks []ptok
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			e := lineEnd(src, i)
			body := i + 2
			if body < e && src[body] == '/' {
				body++
			}
			f.comment(i, e, body, e)
			i = e
		case c == '"':
			t, end, msg := decodeJSONString(src, i)
			if msg != "" {
				end = max(lineEnd(src, i), i+1)
			}
			toks = append(toks, ptok{kind: '"', start: i, end: end, t: t})
			i = end
		case keyByte(c):
			j := i
			for j < len(src) && keyByte(src[j]) {
				j++
			}
			toks = append(toks, ptok{kind: 'a', start: i, end: j, s: string(src[i:j])})
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			toks = append(toks, ptok{kind: c, start: i, end: i + 1})
			i++
		}
	}
	depth, inDS := 0, false
	for i, t := range toks {
		switch t.kind {
		case '{':
			if depth == 0 && i >= 2 && toks[i-2].kind == 'a' && toks[i-2].s == "datasource" && toks[i-1].kind == 'a' {
				inDS = true
			}
			depth++
		case '}':
			depth = max(depth-1, 0)
			if depth == 0 {
				inDS = false
			}
		case 'a':
			if inDS && depth == 1 && prismaURLKeys[t.s] && i+2 < len(toks) && toks[i+1].kind == '=' && toks[i+2].kind == '"' && toks[i+2].t != nil {
				f.value(value{t: toks[i+2].t, key: t.s, keyed: true, hint: catalog.Prisma})
			}
		}
	}
}

// ptok is a token of a Prisma schema: 'a' a name, '"' a string, else
// the punctuation byte itself.
type ptok struct {
	kind       byte
	start, end int
	s          string
	t          *text
}
