// Package xtools makes the bench module require golang.org/x/tools, so
// that the harness can analyse golang.org/x/tools/go/... inside a module
// that requires it, as a user would.
package xtools

import _ "golang.org/x/tools/go/packages" // the requirement, not the code
