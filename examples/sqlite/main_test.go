package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNotes starts the example on a loopback port with a fresh database,
// adds a note and reads it back.
func TestNotes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, "127.0.0.1:0", filepath.Join(t.TempDir(), "notes.db"), func(a net.Addr) { addrc <- a })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})

	send := func(method, path, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("X-User", "ann")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	before := time.Now().Add(-time.Second)
	status, body := send("POST", "/api/notes", `{"text":"hello from JS"}`)
	if status != 201 {
		t.Fatalf("POST: %d %s", status, body)
	}
	var note struct {
		ID      int64     `json:"id"`
		Text    string    `json:"text"`
		Author  string    `json:"author"`
		Created time.Time `json:"created"`
	}
	if err := json.Unmarshal([]byte(body), &note); err != nil {
		t.Fatalf("POST body %s: %v", body, err)
	}
	if note.ID != 1 || note.Text != "hello from JS" || note.Author != "ann" || note.Created.Before(before) {
		t.Fatalf("POST returned %s", body)
	}
	if status, body := send("POST", "/api/notes", `{"text":""}`); status != 400 || body != `{"error":"text is required"}` {
		t.Fatalf("POST empty: %d %s", status, body)
	}

	status, body = send("GET", "/api/notes", "")
	var notes []map[string]any
	if err := json.Unmarshal([]byte(body), &notes); status != 200 || err != nil || len(notes) != 1 || notes[0]["text"] != "hello from JS" {
		t.Fatalf("GET: %d %s", status, body)
	}
	if status, got := send("GET", "/api/notes/1", ""); status != 200 || !strings.Contains(got, `"text":"hello from JS"`) {
		t.Fatalf("GET one: %d %s", status, got)
	}
	if status, got := send("GET", "/api/notes/2", ""); status != 404 || got != `{"error":"no note 2"}` {
		t.Fatalf("GET missing: %d %s", status, got)
	}
	if status, _ := send("DELETE", "/api/notes/1", ""); status != 204 {
		t.Fatalf("DELETE: %d", status)
	}
	if status, got := send("GET", "/api/notes", ""); status != 200 || got != `[]` {
		t.Fatalf("GET after DELETE: %d %s", status, got)
	}
}
