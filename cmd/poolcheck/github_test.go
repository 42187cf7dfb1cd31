package main

import "testing"

func TestEscapes(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain", "plain", "plain"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"100%", "100%25", "100%25"},
		{"two\nlines\r", "two%0Alines%0D", "two%0Alines%0D"},
		{"%0A", "%250A", "%250A"}, // an escape in the input stays text
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.property {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.property)
		}
	}
}
