package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/rules"
)

// noDSN is a corpus of ordinary project files that hold no connection
// string: what most of a scan reads. Each is about 64 KiB.
func noDSN() map[string][]byte {
	rep := func(unit string, size int) []byte {
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			b.WriteString(strings.ReplaceAll(unit, "{i}", fmt.Sprint(i)))
		}
		return []byte(b.String())
	}
	const kb = 64 << 10
	return map[string][]byte{
		"src/app{i}.ts": rep(`import { Router } from 'express';
import type { Request, Response } from 'express';
// Handler {i}: fetch the user and render the page.
export async function handler{i}(req: Request, res: Response): Promise<void> {
  const url = "https://api.example.com/v1/users/" + req.params.id + "?expand=roles";
  const opts = { method: 'GET', headers: { Accept: 'application/json' }, timeout: 5000 };
  let total = 0, count = items.length, ratio = total / count;
  for (let i = 0; i < count; i += 1) { total += items[i].price * (1 - discount); }
  res.status(total > 100 ? 200 : 204).json({ total, url, when: `+"`${new Date().toISOString()}`"+` });
}
`, kb),
		"deploy/app{i}.yaml": rep(`---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{i}
  labels: {app: web, tier: "frontend"}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.{i}
          ports: [{containerPort: 8080}]
          env:
            - name: API_BASE
              value: "https://api.example.com/v1"
            - name: LOG_LEVEL
              value: info # verbose in staging
`, kb),
		"package-lock{i}.json": []byte("{\"lockfileVersion\": 3, \"packages\": {\n" + string(rep(`    "node_modules/lodash-{i}": {
      "version": "4.17.21",
      "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
      "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==",
      "dev": true
    },
`, kb)) + "}}\n"),
		".env{i}": rep(`# service {i}
PORT=3000
PUBLIC_URL=https://app.example.com/{i}
LOG_LEVEL=debug
FEATURE_FLAGS=search,export,beta-{i}
SESSION_SECRET=change-me
`, kb),
		"config{i}.toml": rep(`[server.{i}]
listen = "0.0.0.0:8080"
read_header = "5s"
origins = ["https://app.example.com", "https://admin.example.com"]
# {i}: limits
max_body = 1048576
`, kb),
		"app{i}.properties": rep(`server.port=8080
spring.application.name=web-{i}
management.endpoints.web.exposure.include=health,info
logging.level.root=INFO
app.base-url=https://app.example.com/{i}
`, kb),
	}
}

// BenchmarkNoDSN measures a scan's work per file on files that hold no
// DSN, on one goroutine, from the bytes on: the pre-filter and whatever
// it lets through. b.SetBytes makes the MB/s the per-core throughput.
func BenchmarkNoDSN(b *testing.B) {
	files := noDSN()
	s := &scanner{}
	pol := rules.Default()
	var total int64
	var ws []walked
	var srcs [][]byte
	for name, src := range files {
		name = strings.ReplaceAll(name, "{i}", "")
		f := formatFor(filepath.Base(name))
		if f == nil {
			b.Fatalf("no format for %s", name)
		}
		ws = append(ws, walked{path: name, format: f})
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for i, w := range ws {
			o := &outcome{file: w}
			s.content(o, w.path, pol, srcs[i])
			if len(o.findings) > 0 || len(o.errs) > 0 {
				b.Fatalf("%s: %d findings, %v", w.path, len(o.findings), o.errs)
			}
		}
	}
}

// BenchmarkScanTree is a whole scan of a tree of such files, with the
// walk, .gitignore and the reads, on one worker.
func BenchmarkScanTree(b *testing.B) {
	dir := b.TempDir()
	var total int64
	for name, src := range noDSN() {
		for i := range 8 {
			p := filepath.Join(dir, fmt.Sprint("pkg", i), strings.ReplaceAll(name, "{i}", ""))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, src, 0o644); err != nil {
				b.Fatal(err)
			}
			total += int64(len(src))
		}
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		res, err := Scan([]string{dir}, Options{Workers: 1})
		if err != nil || len(res.Findings) > 0 || res.Parsed > 0 {
			b.Fatalf("%v %d findings, %d parsed", err, len(res.Findings), res.Parsed)
		}
	}
}

// BenchmarkParse measures the readers on files that do hold DSNs, for
// comparison: these are parsed whole.
func BenchmarkParse(b *testing.B) {
	for name, src := range noDSN() {
		name = strings.ReplaceAll(name, "{i}", "")
		f := formatFor(filepath.Base(name))
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				fs := &fileScan{src: src}
				f.parse(fs)
			}
		})
	}
}

// BenchmarkNoDSNJS is BenchmarkNoDSN on the TypeScript files alone: the
// pre-filter's path for JS, which also looks for Node pool libraries.
func BenchmarkNoDSNJS(b *testing.B) {
	src := noDSN()["src/app{i}.ts"]
	s := &scanner{}
	pol := rules.Default()
	w := walked{path: "src/app.ts", format: fmtJS}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		o := &outcome{file: w}
		s.content(o, w.path, pol, src)
		if o.parsed || len(o.findings) > 0 {
			b.Fatalf("parsed %v, %d findings", o.parsed, len(o.findings))
		}
	}
}

// BenchmarkJSPool measures a JS file that is parsed whole: a service
// module that imports pg and builds its pool from a config object, with
// ordinary code around it.
func BenchmarkJSPool(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("import { Pool } from 'pg';\nconst CONFIG = Object.freeze({ TEST: { max: 1, connectionTimeoutMillis: 2000 }, PROD: { max: 20 } });\n")
	sb.Write(noDSN()["src/app{i}.ts"])
	sb.WriteString("export const pool = new Pool(process.env.NODE_ENV === 'test' ? CONFIG.TEST : CONFIG.PROD);\n")
	src := []byte(sb.String())
	s := &scanner{}
	pol := rules.Default()
	w := walked{path: "src/db.ts", format: fmtJS}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		o := &outcome{file: w}
		s.content(o, w.path, pol, src)
		if len(o.findings) != 3 {
			b.Fatalf("%d findings", len(o.findings))
		}
	}
}
