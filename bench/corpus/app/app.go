// Package app wires the stores together.
package app

import (
	"context"

	"github.com/poolcheck/poolcheck/bench/corpus/cache"
	"github.com/poolcheck/poolcheck/bench/corpus/entdb"
	"github.com/poolcheck/poolcheck/bench/corpus/orm"
	"github.com/poolcheck/poolcheck/bench/corpus/store"
)

// Run opens everything and closes it again.
func Run(ctx context.Context) error {
	p, err := store.OpenPrimary(ctx)
	if err != nil {
		return err
	}
	defer p.Close()
	r, err := store.OpenReplica()
	if err != nil {
		return err
	}
	defer r.Close()
	if _, err := orm.Open(); err != nil {
		return err
	}
	d, err := entdb.Open()
	if err != nil {
		return err
	}
	defer d.Close()
	c := cache.New()
	defer c.Close()
	return cache.Remember(ctx, c, "started", "yes")
}
