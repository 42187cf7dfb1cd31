package main

import (
	"bytes"
	"io"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/rules"
)

func TestVersion(t *testing.T) {
	tests := []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261206031500-495af23c1f2a"}},
			"poolcheck v0.0.0-20261206031500-495af23c1f2a, built with go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "495af23c"}, {Key: "vcs.time", Value: "2026-12-06T03:15:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			"poolcheck (devel), revision 495af23c 2026-12-06T03:15:00Z with uncommitted changes, built with go1.26.8"},
	}
	for _, tt := range tests {
		if got := version(tt.info, true); got != tt.want {
			t.Errorf("version = %q\nwant      %q", got, tt.want)
		}
	}
	if got := version(nil, false); got != "poolcheck (no build information)" {
		t.Errorf("no build info: %q", got)
	}
}

// -explain and -rules know every built-in check, the directive checks
// included.
func TestExplainChecks(t *testing.T) {
	var list bytes.Buffer
	if code := run([]string{"-rules"}, &list, io.Discard); code != exitOK {
		t.Fatalf("-rules: exit %d", code)
	}
	for _, id := range rules.CheckNames {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-explain", id}, &stdout, &stderr); code != exitOK || !strings.HasPrefix(stdout.String(), id+": ") {
			t.Errorf("-explain %s: exit %d\n%s%s", id, code, stdout.String(), stderr.String())
		}
		if !strings.Contains(list.String(), id+" ") {
			t.Errorf("-rules does not list %s", id)
		}
	}
}
