package analyzer_test

import (
	"encoding/json"
	"fmt"
	"testing"
)

// TestTLSFieldsListed: a driver's *tls.Config field is listed by
// -inventory as tls_mode "?" where it is set; the tlsfields fixture has
// no // want, so no rule judges it.
func TestTLSFieldsListed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	t.Parallel()
	out := poolcheck(t, fixtures, command(t), "-inventory", "-format", "json", "./src/tlsfields")
	var got struct {
		Settings []struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Driver  string `json:"driver"`
			Setting string `json:"setting"`
			Value   string `json:"value"`
			Raw     string `json:"raw"`
		} `json:"settings"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	want := map[string]bool{
		"14 redis TLSConfig=conf":           true,
		"18 redis TLSConfig=&tls.Config{…}": true,
		"23 mysql TLS=nil":                  true,
		"28 pgx TLSConfig=&tls.Config{…}":   true,
	}
	for _, e := range got.Settings {
		k := fmt.Sprintf("%d %s %s", e.Line, e.Driver, e.Raw)
		if !want[k] || e.Setting != "tls_mode" || e.Value != "?" {
			t.Errorf("unexpected entry %s: %+v", k, e)
		}
		delete(want, k)
	}
	for k := range want {
		t.Errorf("%s not listed:\n%s", k, out)
	}
}
