// Command sqlite is a Go service that embeds gojaapi: its API routes
// (app/pages/api) are compiled into the binary with go:embed, and they reach
// a SQLite database (the pure-Go modernc.org/sqlite driver, no cgo) through
// a Go module, "app:db", with two asynchronous functions:
//
//	db.query(sql, ...args)  rows as objects, column names as keys
//	db.exec(sql, ...args)   { lastInsertId, rowsAffected }
//
// A middleware passes the X-User header to the handlers as req.context.user.
//
// Run it and try it:
//
//	go run ./examples/sqlite -addr 127.0.0.1:8080 -db notes.db
//	curl -d '{"text":"hello"}' -H 'Content-Type: application/json' -H 'X-User: ann' localhost:8080/api/notes
//	curl localhost:8080/api/notes
package main

import (
	"context"
	"database/sql"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gojaapi/gojaapi"
	_ "modernc.org/sqlite"
)

//go:embed app
var app embed.FS

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dbPath := flag.String("db", "notes.db", "SQLite database file (created if missing)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, *addr, *dbPath, func(a net.Addr) { log.Printf("serving on http://%s/api/notes", a) })
	if err != nil {
		log.Fatal(err)
	}
}

// run serves the notes API on addr until ctx ends. ready, if not nil, is
// called with the listening address.
func run(ctx context.Context, addr, dbPath string, ready func(net.Addr)) error {
	db, err := openDB(dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	routes, err := fs.Sub(app, "app")
	if err != nil {
		return err
	}
	srv, err := gojaapi.New(gojaapi.Options{
		FS:      routes,
		Modules: []*gojaapi.Module{dbModule(db)},
		Logger:  slog.Default(),
	})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", withUser(srv))
	hs := gojaapi.NewHTTPServer(mux)
	ln, err := gojaapi.Listen(addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		srv.Close()
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	return srv.Shutdown(sctx)
}

// withUser passes the X-User header to the handlers as req.context.user.
func withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := r.Header.Get("X-User")
		if user == "" {
			user = "anonymous"
		}
		next.ServeHTTP(w, gojaapi.WithValue(r, "user", user))
	})
}

// openDB opens the database and creates the notes table.
func openDB(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)")
	if err != nil {
		return nil, err
	}
	_, err = db.Exec(`CREATE TABLE IF NOT EXISTS notes (
		id      INTEGER PRIMARY KEY AUTOINCREMENT,
		text    TEXT NOT NULL,
		author  TEXT NOT NULL,
		created DATETIME NOT NULL
	)`)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("creating the schema: %w", err)
	}
	return db, nil
}

// execResult is what db.exec returns to JS.
type execResult struct {
	LastInsertID int64 `json:"lastInsertId"`
	RowsAffected int64 `json:"rowsAffected"`
}

// dbModule exposes db to JS as "app:db". Both functions are asynchronous:
// the query runs on its own goroutine with the HTTP request's context, so a
// client that goes away cancels it.
func dbModule(db *sql.DB) *gojaapi.Module {
	return gojaapi.NewModule("app:db").
		Async("query", func(ctx context.Context, query string, args ...any) ([]map[string]any, error) {
			rows, err := db.QueryContext(ctx, query, args...)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			cols, err := rows.Columns()
			if err != nil {
				return nil, err
			}
			out := []map[string]any{}
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					return nil, err
				}
				row := make(map[string]any, len(cols))
				for i, c := range cols {
					row[c] = vals[i]
				}
				out = append(out, row)
			}
			return out, rows.Err()
		}).
		Async("exec", func(ctx context.Context, query string, args ...any) (execResult, error) {
			res, err := db.ExecContext(ctx, query, args...)
			if err != nil {
				return execResult{}, err
			}
			id, _ := res.LastInsertId()
			n, _ := res.RowsAffected()
			return execResult{LastInsertID: id, RowsAffected: n}, nil
		})
}
