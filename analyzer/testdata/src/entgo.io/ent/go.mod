module entgo.io/ent

go 1.26.0
