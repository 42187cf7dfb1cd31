// Package group is the second stage of the Go pipeline: it joins the
// items find saw into pools. Items on the same handle within a function
// are one pool, and so are handles linked by an assignment such as
// sqlDB, _ := gormDB.DB().
package group

import (
	"cmp"
	"slices"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// A Pool is a model.Pool with the items it was built from.
type Pool struct {
	*model.Pool
	Items []*find.Item

	guard catalog.Driver // the driver of the branch this pool is for, "" for all code
}

// splitGuarded splits each pool whose items sit in branches for
// different drivers (switch dialect { case "mysql": ...; case "sqlite3":
// ... }, if dialect == "sqlite3" { db.SetMaxOpenConns(1) }) into one pool
// per driver: that branch's items and those outside any branch, judged
// as that driver.
func splitGuarded(pools []*Pool) []*Pool {
	var out []*Pool
	for _, p := range pools {
		var guards []catalog.Driver
		for _, it := range p.Items {
			if it.Guard != "" && !slices.Contains(guards, it.Guard) {
				guards = append(guards, it.Guard)
			}
		}
		if len(guards) == 0 {
			out = append(out, p)
			continue
		}
		for _, g := range guards {
			q := &Pool{Pool: &model.Pool{}, guard: g}
			for _, it := range p.Items {
				if it.Guard == "" || it.Guard == g {
					q.Items = append(q.Items, it)
				}
			}
			out = append(out, q)
		}
	}
	return out
}

// Pools joins the items of res into pools, in source order.
func Pools(res *find.Result) []*Pool {
	parent := make(map[find.Handle]find.Handle)
	var root func(h find.Handle) find.Handle
	root = func(h find.Handle) find.Handle {
		p, ok := parent[h]
		if !ok || p == h {
			return h
		}
		r := root(p)
		parent[h] = r
		return r
	}
	for _, l := range res.Links {
		if a, b := root(l.A), root(l.B); a != b {
			parent[a] = b
		}
	}
	byHandle := make(map[find.Handle]*Pool)
	var pools []*Pool
	for _, it := range res.Items {
		if it.Handle.IsZero() {
			pools = append(pools, &Pool{Pool: it.Pool, Items: []*find.Item{it}})
			continue
		}
		r := root(it.Handle)
		p := byHandle[r]
		if p == nil {
			p = &Pool{Pool: &model.Pool{}}
			byHandle[r] = p
			pools = append(pools, p)
		}
		p.Items = append(p.Items, it)
	}
	pools = splitGuarded(pools)
	for _, p := range pools {
		if len(p.Items) > 1 || p.Pool != p.Items[0].Pool {
			merge(p)
		}
		if p.guard != "" {
			p.Driver = p.guard
		}
	}
	slices.SortStableFunc(pools, func(a, b *Pool) int { return cmp.Compare(a.Items[0].Pos, b.Items[0].Pos) })
	return pools
}

// merge builds p.Pool from its items: every site, the driver the
// strongest source gives, and the reference of the DSN if there is one.
func merge(p *Pool) {
	slices.SortStableFunc(p.Items, func(a, b *find.Item) int { return cmp.Compare(a.Pos, b.Pos) })
	m := p.Pool
	m.Partial = true
	best := -1
	for _, it := range p.Items {
		m.Sites = append(m.Sites, it.Pool.Sites...)
		if r := rank(it); r > best {
			best, m.Driver = r, it.Pool.Driver
		}
		if it.Pool.DSN != "" && m.Ref == nil {
			m.DSN, m.Ref, m.Partial, m.Local = it.Pool.DSN, it.Pool.Ref, it.Pool.Partial, it.Pool.Local
		}
	}
	if m.Ref == nil {
		m.Ref = p.Items[0].Pool.Ref
	}
}

// rank orders how much an item says about the driver: a sink names it,
// a DSN implies it, an API setting only says database/sql or the like.
func rank(it *find.Item) int {
	switch {
	case it.Driver != "":
		return 3
	case it.Pool.DSN != "" && it.Pool.Driver != "":
		return 2
	case it.Pool.Driver != "" && it.Pool.Driver != catalog.SQL:
		return 1
	}
	return 0
}
