package compat

import "testing"

// TestPathMatchesNode compares path results on edge cases with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestPathMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"\"), p.dirname(\"\"), p.basename(\"\"), p.extname(\"\"), p.parse(\"\"), p.isAbsolute(\"\"), p.join(\"\"), p.join('x', \"\"), p.join(\"\", 'y'), p.resolve('/r', \"\"), p.relative('/a/b', p.resolve('/', \"\")), p.format(p.parse(\"\"))])",
			"[\".\",\".\",\"\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"},false,\".\",\"x\",\"y\",\"/r\",\"../..\",\"\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/\"), p.dirname(\"/\"), p.basename(\"/\"), p.extname(\"/\"), p.parse(\"/\"), p.isAbsolute(\"/\"), p.join(\"/\"), p.join('x', \"/\"), p.join(\"/\", 'y'), p.resolve('/r', \"/\"), p.relative('/a/b', p.resolve('/', \"/\")), p.format(p.parse(\"/\"))])",
			"[\"/\",\"/\",\"\",\"\",{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"},true,\"/\",\"x/\",\"/y\",\"/\",\"../..\",\"/\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"//\"), p.dirname(\"//\"), p.basename(\"//\"), p.extname(\"//\"), p.parse(\"//\"), p.isAbsolute(\"//\"), p.join(\"//\"), p.join('x', \"//\"), p.join(\"//\", 'y'), p.resolve('/r', \"//\"), p.relative('/a/b', p.resolve('/', \"//\")), p.format(p.parse(\"//\"))])",
			"[\"/\",\"/\",\"\",\"\",{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"},true,\"/\",\"x/\",\"/y\",\"/\",\"../..\",\"/\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"///\"), p.dirname(\"///\"), p.basename(\"///\"), p.extname(\"///\"), p.parse(\"///\"), p.isAbsolute(\"///\"), p.join(\"///\"), p.join('x', \"///\"), p.join(\"///\", 'y'), p.resolve('/r', \"///\"), p.relative('/a/b', p.resolve('/', \"///\")), p.format(p.parse(\"///\"))])",
			"[\"/\",\"/\",\"\",\"\",{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"ext\":\"\",\"name\":\"\"},true,\"/\",\"x/\",\"/y\",\"/\",\"../..\",\"/\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\".\"), p.dirname(\".\"), p.basename(\".\"), p.extname(\".\"), p.parse(\".\"), p.isAbsolute(\".\"), p.join(\".\"), p.join('x', \".\"), p.join(\".\", 'y'), p.resolve('/r', \".\"), p.relative('/a/b', p.resolve('/', \".\")), p.format(p.parse(\".\"))])",
			"[\".\",\".\",\".\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\".\",\"ext\":\"\",\"name\":\".\"},false,\".\",\"x\",\"y\",\"/r\",\"../..\",\".\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"..\"), p.dirname(\"..\"), p.basename(\"..\"), p.extname(\"..\"), p.parse(\"..\"), p.isAbsolute(\"..\"), p.join(\"..\"), p.join('x', \"..\"), p.join(\"..\", 'y'), p.resolve('/r', \"..\"), p.relative('/a/b', p.resolve('/', \"..\")), p.format(p.parse(\"..\"))])",
			"[\"..\",\".\",\"..\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},false,\"..\",\".\",\"../y\",\"/\",\"../..\",\"..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"...\"), p.dirname(\"...\"), p.basename(\"...\"), p.extname(\"...\"), p.parse(\"...\"), p.isAbsolute(\"...\"), p.join(\"...\"), p.join('x', \"...\"), p.join(\"...\", 'y'), p.resolve('/r', \"...\"), p.relative('/a/b', p.resolve('/', \"...\")), p.format(p.parse(\"...\"))])",
			"[\"...\",\".\",\"...\",\".\",{\"root\":\"\",\"dir\":\"\",\"base\":\"...\",\"ext\":\".\",\"name\":\"..\"},false,\"...\",\"x/...\",\".../y\",\"/r/...\",\"../../...\",\"...\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/a\"), p.dirname(\"/a\"), p.basename(\"/a\"), p.extname(\"/a\"), p.parse(\"/a\"), p.isAbsolute(\"/a\"), p.join(\"/a\"), p.join('x', \"/a\"), p.join(\"/a\", 'y'), p.resolve('/r', \"/a\"), p.relative('/a/b', p.resolve('/', \"/a\")), p.format(p.parse(\"/a\"))])",
			"[\"/a\",\"/\",\"a\",\"\",{\"root\":\"/\",\"dir\":\"/\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},true,\"/a\",\"x/a\",\"/a/y\",\"/a\",\"..\",\"/a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"//a\"), p.dirname(\"//a\"), p.basename(\"//a\"), p.extname(\"//a\"), p.parse(\"//a\"), p.isAbsolute(\"//a\"), p.join(\"//a\"), p.join('x', \"//a\"), p.join(\"//a\", 'y'), p.resolve('/r', \"//a\"), p.relative('/a/b', p.resolve('/', \"//a\")), p.format(p.parse(\"//a\"))])",
			"[\"/a\",\"//\",\"a\",\"\",{\"root\":\"/\",\"dir\":\"/\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},true,\"/a\",\"x/a\",\"/a/y\",\"/a\",\"..\",\"/a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"///a\"), p.dirname(\"///a\"), p.basename(\"///a\"), p.extname(\"///a\"), p.parse(\"///a\"), p.isAbsolute(\"///a\"), p.join(\"///a\"), p.join('x', \"///a\"), p.join(\"///a\", 'y'), p.resolve('/r', \"///a\"), p.relative('/a/b', p.resolve('/', \"///a\")), p.format(p.parse(\"///a\"))])",
			"[\"/a\",\"//\",\"a\",\"\",{\"root\":\"/\",\"dir\":\"//\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},true,\"/a\",\"x/a\",\"/a/y\",\"/a\",\"..\",\"///a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a\"), p.dirname(\"a\"), p.basename(\"a\"), p.extname(\"a\"), p.parse(\"a\"), p.isAbsolute(\"a\"), p.join(\"a\"), p.join('x', \"a\"), p.join(\"a\", 'y'), p.resolve('/r', \"a\"), p.relative('/a/b', p.resolve('/', \"a\")), p.format(p.parse(\"a\"))])",
			"[\"a\",\".\",\"a\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},false,\"a\",\"x/a\",\"a/y\",\"/r/a\",\"..\",\"a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a/\"), p.dirname(\"a/\"), p.basename(\"a/\"), p.extname(\"a/\"), p.parse(\"a/\"), p.isAbsolute(\"a/\"), p.join(\"a/\"), p.join('x', \"a/\"), p.join(\"a/\", 'y'), p.resolve('/r', \"a/\"), p.relative('/a/b', p.resolve('/', \"a/\")), p.format(p.parse(\"a/\"))])",
			"[\"a/\",\".\",\"a\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},false,\"a/\",\"x/a/\",\"a/y\",\"/r/a\",\"..\",\"a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a//\"), p.dirname(\"a//\"), p.basename(\"a//\"), p.extname(\"a//\"), p.parse(\"a//\"), p.isAbsolute(\"a//\"), p.join(\"a//\"), p.join('x', \"a//\"), p.join(\"a//\", 'y'), p.resolve('/r', \"a//\"), p.relative('/a/b', p.resolve('/', \"a//\")), p.format(p.parse(\"a//\"))])",
			"[\"a/\",\".\",\"a\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},false,\"a/\",\"x/a/\",\"a/y\",\"/r/a\",\"..\",\"a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/a/b\"), p.dirname(\"/a/b\"), p.basename(\"/a/b\"), p.extname(\"/a/b\"), p.parse(\"/a/b\"), p.isAbsolute(\"/a/b\"), p.join(\"/a/b\"), p.join('x', \"/a/b\"), p.join(\"/a/b\", 'y'), p.resolve('/r', \"/a/b\"), p.relative('/a/b', p.resolve('/', \"/a/b\")), p.format(p.parse(\"/a/b\"))])",
			"[\"/a/b\",\"/a\",\"b\",\"\",{\"root\":\"/\",\"dir\":\"/a\",\"base\":\"b\",\"ext\":\"\",\"name\":\"b\"},true,\"/a/b\",\"x/a/b\",\"/a/b/y\",\"/a/b\",\"\",\"/a/b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/a/b/\"), p.dirname(\"/a/b/\"), p.basename(\"/a/b/\"), p.extname(\"/a/b/\"), p.parse(\"/a/b/\"), p.isAbsolute(\"/a/b/\"), p.join(\"/a/b/\"), p.join('x', \"/a/b/\"), p.join(\"/a/b/\", 'y'), p.resolve('/r', \"/a/b/\"), p.relative('/a/b', p.resolve('/', \"/a/b/\")), p.format(p.parse(\"/a/b/\"))])",
			"[\"/a/b/\",\"/a\",\"b\",\"\",{\"root\":\"/\",\"dir\":\"/a\",\"base\":\"b\",\"ext\":\"\",\"name\":\"b\"},true,\"/a/b/\",\"x/a/b/\",\"/a/b/y\",\"/a/b\",\"\",\"/a/b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a/b/c\"), p.dirname(\"a/b/c\"), p.basename(\"a/b/c\"), p.extname(\"a/b/c\"), p.parse(\"a/b/c\"), p.isAbsolute(\"a/b/c\"), p.join(\"a/b/c\"), p.join('x', \"a/b/c\"), p.join(\"a/b/c\", 'y'), p.resolve('/r', \"a/b/c\"), p.relative('/a/b', p.resolve('/', \"a/b/c\")), p.format(p.parse(\"a/b/c\"))])",
			"[\"a/b/c\",\"a/b\",\"c\",\"\",{\"root\":\"\",\"dir\":\"a/b\",\"base\":\"c\",\"ext\":\"\",\"name\":\"c\"},false,\"a/b/c\",\"x/a/b/c\",\"a/b/c/y\",\"/r/a/b/c\",\"c\",\"a/b/c\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a//b\"), p.dirname(\"a//b\"), p.basename(\"a//b\"), p.extname(\"a//b\"), p.parse(\"a//b\"), p.isAbsolute(\"a//b\"), p.join(\"a//b\"), p.join('x', \"a//b\"), p.join(\"a//b\", 'y'), p.resolve('/r', \"a//b\"), p.relative('/a/b', p.resolve('/', \"a//b\")), p.format(p.parse(\"a//b\"))])",
			"[\"a/b\",\"a/\",\"b\",\"\",{\"root\":\"\",\"dir\":\"a/\",\"base\":\"b\",\"ext\":\"\",\"name\":\"b\"},false,\"a/b\",\"x/a/b\",\"a/b/y\",\"/r/a/b\",\"\",\"a//b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/a//b//\"), p.dirname(\"/a//b//\"), p.basename(\"/a//b//\"), p.extname(\"/a//b//\"), p.parse(\"/a//b//\"), p.isAbsolute(\"/a//b//\"), p.join(\"/a//b//\"), p.join('x', \"/a//b//\"), p.join(\"/a//b//\", 'y'), p.resolve('/r', \"/a//b//\"), p.relative('/a/b', p.resolve('/', \"/a//b//\")), p.format(p.parse(\"/a//b//\"))])",
			"[\"/a/b/\",\"/a/\",\"b\",\"\",{\"root\":\"/\",\"dir\":\"/a/\",\"base\":\"b\",\"ext\":\"\",\"name\":\"b\"},true,\"/a/b/\",\"x/a/b/\",\"/a/b/y\",\"/a/b\",\"\",\"/a//b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"./a\"), p.dirname(\"./a\"), p.basename(\"./a\"), p.extname(\"./a\"), p.parse(\"./a\"), p.isAbsolute(\"./a\"), p.join(\"./a\"), p.join('x', \"./a\"), p.join(\"./a\", 'y'), p.resolve('/r', \"./a\"), p.relative('/a/b', p.resolve('/', \"./a\")), p.format(p.parse(\"./a\"))])",
			"[\"a\",\".\",\"a\",\"\",{\"root\":\"\",\"dir\":\".\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},false,\"a\",\"x/a\",\"a/y\",\"/r/a\",\"..\",\"./a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"../a\"), p.dirname(\"../a\"), p.basename(\"../a\"), p.extname(\"../a\"), p.parse(\"../a\"), p.isAbsolute(\"../a\"), p.join(\"../a\"), p.join('x', \"../a\"), p.join(\"../a\", 'y'), p.resolve('/r', \"../a\"), p.relative('/a/b', p.resolve('/', \"../a\")), p.format(p.parse(\"../a\"))])",
			"[\"../a\",\"..\",\"a\",\"\",{\"root\":\"\",\"dir\":\"..\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},false,\"../a\",\"a\",\"../a/y\",\"/a\",\"..\",\"../a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"../../a/b\"), p.dirname(\"../../a/b\"), p.basename(\"../../a/b\"), p.extname(\"../../a/b\"), p.parse(\"../../a/b\"), p.isAbsolute(\"../../a/b\"), p.join(\"../../a/b\"), p.join('x', \"../../a/b\"), p.join(\"../../a/b\", 'y'), p.resolve('/r', \"../../a/b\"), p.relative('/a/b', p.resolve('/', \"../../a/b\")), p.format(p.parse(\"../../a/b\"))])",
			"[\"../../a/b\",\"../../a\",\"b\",\"\",{\"root\":\"\",\"dir\":\"../../a\",\"base\":\"b\",\"ext\":\"\",\"name\":\"b\"},false,\"../../a/b\",\"../a/b\",\"../../a/b/y\",\"/a/b\",\"\",\"../../a/b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/..\"), p.dirname(\"/..\"), p.basename(\"/..\"), p.extname(\"/..\"), p.parse(\"/..\"), p.isAbsolute(\"/..\"), p.join(\"/..\"), p.join('x', \"/..\"), p.join(\"/..\", 'y'), p.resolve('/r', \"/..\"), p.relative('/a/b', p.resolve('/', \"/..\")), p.format(p.parse(\"/..\"))])",
			"[\"/\",\"/\",\"..\",\"\",{\"root\":\"/\",\"dir\":\"/\",\"base\":\"..\",\"ext\":\".\",\"name\":\".\"},true,\"/\",\".\",\"/y\",\"/\",\"../..\",\"/..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/../a\"), p.dirname(\"/../a\"), p.basename(\"/../a\"), p.extname(\"/../a\"), p.parse(\"/../a\"), p.isAbsolute(\"/../a\"), p.join(\"/../a\"), p.join('x', \"/../a\"), p.join(\"/../a\", 'y'), p.resolve('/r', \"/../a\"), p.relative('/a/b', p.resolve('/', \"/../a\")), p.format(p.parse(\"/../a\"))])",
			"[\"/a\",\"/..\",\"a\",\"\",{\"root\":\"/\",\"dir\":\"/..\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},true,\"/a\",\"a\",\"/a/y\",\"/a\",\"..\",\"/../a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a/../..\"), p.dirname(\"a/../..\"), p.basename(\"a/../..\"), p.extname(\"a/../..\"), p.parse(\"a/../..\"), p.isAbsolute(\"a/../..\"), p.join(\"a/../..\"), p.join('x', \"a/../..\"), p.join(\"a/../..\", 'y'), p.resolve('/r', \"a/../..\"), p.relative('/a/b', p.resolve('/', \"a/../..\")), p.format(p.parse(\"a/../..\"))])",
			"[\"..\",\"a/..\",\"..\",\"\",{\"root\":\"\",\"dir\":\"a/..\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},false,\"..\",\".\",\"../y\",\"/\",\"../..\",\"a/../..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a/./b/../c\"), p.dirname(\"a/./b/../c\"), p.basename(\"a/./b/../c\"), p.extname(\"a/./b/../c\"), p.parse(\"a/./b/../c\"), p.isAbsolute(\"a/./b/../c\"), p.join(\"a/./b/../c\"), p.join('x', \"a/./b/../c\"), p.join(\"a/./b/../c\", 'y'), p.resolve('/r', \"a/./b/../c\"), p.relative('/a/b', p.resolve('/', \"a/./b/../c\")), p.format(p.parse(\"a/./b/../c\"))])",
			"[\"a/c\",\"a/./b/..\",\"c\",\"\",{\"root\":\"\",\"dir\":\"a/./b/..\",\"base\":\"c\",\"ext\":\"\",\"name\":\"c\"},false,\"a/c\",\"x/a/c\",\"a/c/y\",\"/r/a/c\",\"../c\",\"a/./b/../c\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/foo/bar//baz/asdf/quux/..\"), p.dirname(\"/foo/bar//baz/asdf/quux/..\"), p.basename(\"/foo/bar//baz/asdf/quux/..\"), p.extname(\"/foo/bar//baz/asdf/quux/..\"), p.parse(\"/foo/bar//baz/asdf/quux/..\"), p.isAbsolute(\"/foo/bar//baz/asdf/quux/..\"), p.join(\"/foo/bar//baz/asdf/quux/..\"), p.join('x', \"/foo/bar//baz/asdf/quux/..\"), p.join(\"/foo/bar//baz/asdf/quux/..\", 'y'), p.resolve('/r', \"/foo/bar//baz/asdf/quux/..\"), p.relative('/a/b', p.resolve('/', \"/foo/bar//baz/asdf/quux/..\")), p.format(p.parse(\"/foo/bar//baz/asdf/quux/..\"))])",
			"[\"/foo/bar/baz/asdf\",\"/foo/bar//baz/asdf/quux\",\"..\",\"\",{\"root\":\"/\",\"dir\":\"/foo/bar//baz/asdf/quux\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},true,\"/foo/bar/baz/asdf\",\"x/foo/bar/baz/asdf\",\"/foo/bar/baz/asdf/y\",\"/foo/bar/baz/asdf\",\"../../foo/bar/baz/asdf\",\"/foo/bar//baz/asdf/quux/..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\".a\"), p.dirname(\".a\"), p.basename(\".a\"), p.extname(\".a\"), p.parse(\".a\"), p.isAbsolute(\".a\"), p.join(\".a\"), p.join('x', \".a\"), p.join(\".a\", 'y'), p.resolve('/r', \".a\"), p.relative('/a/b', p.resolve('/', \".a\")), p.format(p.parse(\".a\"))])",
			"[\".a\",\".\",\".a\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\".a\",\"ext\":\"\",\"name\":\".a\"},false,\".a\",\"x/.a\",\".a/y\",\"/r/.a\",\"../../.a\",\".a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\".a.b\"), p.dirname(\".a.b\"), p.basename(\".a.b\"), p.extname(\".a.b\"), p.parse(\".a.b\"), p.isAbsolute(\".a.b\"), p.join(\".a.b\"), p.join('x', \".a.b\"), p.join(\".a.b\", 'y'), p.resolve('/r', \".a.b\"), p.relative('/a/b', p.resolve('/', \".a.b\")), p.format(p.parse(\".a.b\"))])",
			"[\".a.b\",\".\",\".a.b\",\".b\",{\"root\":\"\",\"dir\":\"\",\"base\":\".a.b\",\"ext\":\".b\",\"name\":\".a\"},false,\".a.b\",\"x/.a.b\",\".a.b/y\",\"/r/.a.b\",\"../../.a.b\",\".a.b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a.\"), p.dirname(\"a.\"), p.basename(\"a.\"), p.extname(\"a.\"), p.parse(\"a.\"), p.isAbsolute(\"a.\"), p.join(\"a.\"), p.join('x', \"a.\"), p.join(\"a.\", 'y'), p.resolve('/r', \"a.\"), p.relative('/a/b', p.resolve('/', \"a.\")), p.format(p.parse(\"a.\"))])",
			"[\"a.\",\".\",\"a.\",\".\",{\"root\":\"\",\"dir\":\"\",\"base\":\"a.\",\"ext\":\".\",\"name\":\"a\"},false,\"a.\",\"x/a.\",\"a./y\",\"/r/a.\",\"../../a.\",\"a.\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a..\"), p.dirname(\"a..\"), p.basename(\"a..\"), p.extname(\"a..\"), p.parse(\"a..\"), p.isAbsolute(\"a..\"), p.join(\"a..\"), p.join('x', \"a..\"), p.join(\"a..\", 'y'), p.resolve('/r', \"a..\"), p.relative('/a/b', p.resolve('/', \"a..\")), p.format(p.parse(\"a..\"))])",
			"[\"a..\",\".\",\"a..\",\".\",{\"root\":\"\",\"dir\":\"\",\"base\":\"a..\",\"ext\":\".\",\"name\":\"a.\"},false,\"a..\",\"x/a..\",\"a../y\",\"/r/a..\",\"../../a..\",\"a..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"..a\"), p.dirname(\"..a\"), p.basename(\"..a\"), p.extname(\"..a\"), p.parse(\"..a\"), p.isAbsolute(\"..a\"), p.join(\"..a\"), p.join('x', \"..a\"), p.join(\"..a\", 'y'), p.resolve('/r', \"..a\"), p.relative('/a/b', p.resolve('/', \"..a\")), p.format(p.parse(\"..a\"))])",
			"[\"..a\",\".\",\"..a\",\".a\",{\"root\":\"\",\"dir\":\"\",\"base\":\"..a\",\"ext\":\".a\",\"name\":\".\"},false,\"..a\",\"x/..a\",\"..a/y\",\"/r/..a\",\"../../..a\",\"..a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"file.js\"), p.dirname(\"file.js\"), p.basename(\"file.js\"), p.extname(\"file.js\"), p.parse(\"file.js\"), p.isAbsolute(\"file.js\"), p.join(\"file.js\"), p.join('x', \"file.js\"), p.join(\"file.js\", 'y'), p.resolve('/r', \"file.js\"), p.relative('/a/b', p.resolve('/', \"file.js\")), p.format(p.parse(\"file.js\"))])",
			"[\"file.js\",\".\",\"file.js\",\".js\",{\"root\":\"\",\"dir\":\"\",\"base\":\"file.js\",\"ext\":\".js\",\"name\":\"file\"},false,\"file.js\",\"x/file.js\",\"file.js/y\",\"/r/file.js\",\"../../file.js\",\"file.js\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/dir/file.tar.gz\"), p.dirname(\"/dir/file.tar.gz\"), p.basename(\"/dir/file.tar.gz\"), p.extname(\"/dir/file.tar.gz\"), p.parse(\"/dir/file.tar.gz\"), p.isAbsolute(\"/dir/file.tar.gz\"), p.join(\"/dir/file.tar.gz\"), p.join('x', \"/dir/file.tar.gz\"), p.join(\"/dir/file.tar.gz\", 'y'), p.resolve('/r', \"/dir/file.tar.gz\"), p.relative('/a/b', p.resolve('/', \"/dir/file.tar.gz\")), p.format(p.parse(\"/dir/file.tar.gz\"))])",
			"[\"/dir/file.tar.gz\",\"/dir\",\"file.tar.gz\",\".gz\",{\"root\":\"/\",\"dir\":\"/dir\",\"base\":\"file.tar.gz\",\"ext\":\".gz\",\"name\":\"file.tar\"},true,\"/dir/file.tar.gz\",\"x/dir/file.tar.gz\",\"/dir/file.tar.gz/y\",\"/dir/file.tar.gz\",\"../../dir/file.tar.gz\",\"/dir/file.tar.gz\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/dir.d/file\"), p.dirname(\"/dir.d/file\"), p.basename(\"/dir.d/file\"), p.extname(\"/dir.d/file\"), p.parse(\"/dir.d/file\"), p.isAbsolute(\"/dir.d/file\"), p.join(\"/dir.d/file\"), p.join('x', \"/dir.d/file\"), p.join(\"/dir.d/file\", 'y'), p.resolve('/r', \"/dir.d/file\"), p.relative('/a/b', p.resolve('/', \"/dir.d/file\")), p.format(p.parse(\"/dir.d/file\"))])",
			"[\"/dir.d/file\",\"/dir.d\",\"file\",\"\",{\"root\":\"/\",\"dir\":\"/dir.d\",\"base\":\"file\",\"ext\":\"\",\"name\":\"file\"},true,\"/dir.d/file\",\"x/dir.d/file\",\"/dir.d/file/y\",\"/dir.d/file\",\"../../dir.d/file\",\"/dir.d/file\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"dir.d/\"), p.dirname(\"dir.d/\"), p.basename(\"dir.d/\"), p.extname(\"dir.d/\"), p.parse(\"dir.d/\"), p.isAbsolute(\"dir.d/\"), p.join(\"dir.d/\"), p.join('x', \"dir.d/\"), p.join(\"dir.d/\", 'y'), p.resolve('/r', \"dir.d/\"), p.relative('/a/b', p.resolve('/', \"dir.d/\")), p.format(p.parse(\"dir.d/\"))])",
			"[\"dir.d/\",\".\",\"dir.d\",\".d\",{\"root\":\"\",\"dir\":\"\",\"base\":\"dir.d\",\"ext\":\".d\",\"name\":\"dir\"},false,\"dir.d/\",\"x/dir.d/\",\"dir.d/y\",\"/r/dir.d\",\"../../dir.d\",\"dir.d\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/a/b.js/\"), p.dirname(\"/a/b.js/\"), p.basename(\"/a/b.js/\"), p.extname(\"/a/b.js/\"), p.parse(\"/a/b.js/\"), p.isAbsolute(\"/a/b.js/\"), p.join(\"/a/b.js/\"), p.join('x', \"/a/b.js/\"), p.join(\"/a/b.js/\", 'y'), p.resolve('/r', \"/a/b.js/\"), p.relative('/a/b', p.resolve('/', \"/a/b.js/\")), p.format(p.parse(\"/a/b.js/\"))])",
			"[\"/a/b.js/\",\"/a\",\"b.js\",\".js\",{\"root\":\"/\",\"dir\":\"/a\",\"base\":\"b.js\",\"ext\":\".js\",\"name\":\"b\"},true,\"/a/b.js/\",\"x/a/b.js/\",\"/a/b.js/y\",\"/a/b.js\",\"../b.js\",\"/a/b.js\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\".bashrc\"), p.dirname(\".bashrc\"), p.basename(\".bashrc\"), p.extname(\".bashrc\"), p.parse(\".bashrc\"), p.isAbsolute(\".bashrc\"), p.join(\".bashrc\"), p.join('x', \".bashrc\"), p.join(\".bashrc\", 'y'), p.resolve('/r', \".bashrc\"), p.relative('/a/b', p.resolve('/', \".bashrc\")), p.format(p.parse(\".bashrc\"))])",
			"[\".bashrc\",\".\",\".bashrc\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\".bashrc\",\"ext\":\"\",\"name\":\".bashrc\"},false,\".bashrc\",\"x/.bashrc\",\".bashrc/y\",\"/r/.bashrc\",\"../../.bashrc\",\".bashrc\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a/.bashrc\"), p.dirname(\"a/.bashrc\"), p.basename(\"a/.bashrc\"), p.extname(\"a/.bashrc\"), p.parse(\"a/.bashrc\"), p.isAbsolute(\"a/.bashrc\"), p.join(\"a/.bashrc\"), p.join('x', \"a/.bashrc\"), p.join(\"a/.bashrc\", 'y'), p.resolve('/r', \"a/.bashrc\"), p.relative('/a/b', p.resolve('/', \"a/.bashrc\")), p.format(p.parse(\"a/.bashrc\"))])",
			"[\"a/.bashrc\",\"a\",\".bashrc\",\"\",{\"root\":\"\",\"dir\":\"a\",\"base\":\".bashrc\",\"ext\":\"\",\"name\":\".bashrc\"},false,\"a/.bashrc\",\"x/a/.bashrc\",\"a/.bashrc/y\",\"/r/a/.bashrc\",\"../.bashrc\",\"a/.bashrc\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"..//\"), p.dirname(\"..//\"), p.basename(\"..//\"), p.extname(\"..//\"), p.parse(\"..//\"), p.isAbsolute(\"..//\"), p.join(\"..//\"), p.join('x', \"..//\"), p.join(\"..//\", 'y'), p.resolve('/r', \"..//\"), p.relative('/a/b', p.resolve('/', \"..//\")), p.format(p.parse(\"..//\"))])",
			"[\"../\",\".\",\"..\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},false,\"../\",\"./\",\"../y\",\"/\",\"../..\",\"..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"./\"), p.dirname(\"./\"), p.basename(\"./\"), p.extname(\"./\"), p.parse(\"./\"), p.isAbsolute(\"./\"), p.join(\"./\"), p.join('x', \"./\"), p.join(\"./\", 'y'), p.resolve('/r', \"./\"), p.relative('/a/b', p.resolve('/', \"./\")), p.format(p.parse(\"./\"))])",
			"[\"./\",\".\",\".\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\".\",\"ext\":\"\",\"name\":\".\"},false,\"./\",\"x/\",\"y\",\"/r\",\"../..\",\".\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\".//a\"), p.dirname(\".//a\"), p.basename(\".//a\"), p.extname(\".//a\"), p.parse(\".//a\"), p.isAbsolute(\".//a\"), p.join(\".//a\"), p.join('x', \".//a\"), p.join(\".//a\", 'y'), p.resolve('/r', \".//a\"), p.relative('/a/b', p.resolve('/', \".//a\")), p.format(p.parse(\".//a\"))])",
			"[\"a\",\"./\",\"a\",\"\",{\"root\":\"\",\"dir\":\"./\",\"base\":\"a\",\"ext\":\"\",\"name\":\"a\"},false,\"a\",\"x/a\",\"a/y\",\"/r/a\",\"..\",\".//a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a/b/../../..\"), p.dirname(\"a/b/../../..\"), p.basename(\"a/b/../../..\"), p.extname(\"a/b/../../..\"), p.parse(\"a/b/../../..\"), p.isAbsolute(\"a/b/../../..\"), p.join(\"a/b/../../..\"), p.join('x', \"a/b/../../..\"), p.join(\"a/b/../../..\", 'y'), p.resolve('/r', \"a/b/../../..\"), p.relative('/a/b', p.resolve('/', \"a/b/../../..\")), p.format(p.parse(\"a/b/../../..\"))])",
			"[\"..\",\"a/b/../..\",\"..\",\"\",{\"root\":\"\",\"dir\":\"a/b/../..\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},false,\"..\",\".\",\"../y\",\"/\",\"../..\",\"a/b/../../..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"/a/b/../../..\"), p.dirname(\"/a/b/../../..\"), p.basename(\"/a/b/../../..\"), p.extname(\"/a/b/../../..\"), p.parse(\"/a/b/../../..\"), p.isAbsolute(\"/a/b/../../..\"), p.join(\"/a/b/../../..\"), p.join('x', \"/a/b/../../..\"), p.join(\"/a/b/../../..\", 'y'), p.resolve('/r', \"/a/b/../../..\"), p.relative('/a/b', p.resolve('/', \"/a/b/../../..\")), p.format(p.parse(\"/a/b/../../..\"))])",
			"[\"/\",\"/a/b/../..\",\"..\",\"\",{\"root\":\"/\",\"dir\":\"/a/b/../..\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},true,\"/\",\".\",\"/y\",\"/\",\"../..\",\"/a/b/../../..\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"a\\\\b\"), p.dirname(\"a\\\\b\"), p.basename(\"a\\\\b\"), p.extname(\"a\\\\b\"), p.parse(\"a\\\\b\"), p.isAbsolute(\"a\\\\b\"), p.join(\"a\\\\b\"), p.join('x', \"a\\\\b\"), p.join(\"a\\\\b\", 'y'), p.resolve('/r', \"a\\\\b\"), p.relative('/a/b', p.resolve('/', \"a\\\\b\")), p.format(p.parse(\"a\\\\b\"))])",
			"[\"a\\\\b\",\".\",\"a\\\\b\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"a\\\\b\",\"ext\":\"\",\"name\":\"a\\\\b\"},false,\"a\\\\b\",\"x/a\\\\b\",\"a\\\\b/y\",\"/r/a\\\\b\",\"../../a\\\\b\",\"a\\\\b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"C:\\\\x\"), p.dirname(\"C:\\\\x\"), p.basename(\"C:\\\\x\"), p.extname(\"C:\\\\x\"), p.parse(\"C:\\\\x\"), p.isAbsolute(\"C:\\\\x\"), p.join(\"C:\\\\x\"), p.join('x', \"C:\\\\x\"), p.join(\"C:\\\\x\", 'y'), p.resolve('/r', \"C:\\\\x\"), p.relative('/a/b', p.resolve('/', \"C:\\\\x\")), p.format(p.parse(\"C:\\\\x\"))])",
			"[\"C:\\\\x\",\".\",\"C:\\\\x\",\"\",{\"root\":\"\",\"dir\":\"\",\"base\":\"C:\\\\x\",\"ext\":\"\",\"name\":\"C:\\\\x\"},false,\"C:\\\\x\",\"x/C:\\\\x\",\"C:\\\\x/y\",\"/r/C:\\\\x\",\"../../C:\\\\x\",\"C:\\\\x\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.normalize(\"~/x\"), p.dirname(\"~/x\"), p.basename(\"~/x\"), p.extname(\"~/x\"), p.parse(\"~/x\"), p.isAbsolute(\"~/x\"), p.join(\"~/x\"), p.join('x', \"~/x\"), p.join(\"~/x\", 'y'), p.resolve('/r', \"~/x\"), p.relative('/a/b', p.resolve('/', \"~/x\")), p.format(p.parse(\"~/x\"))])",
			"[\"~/x\",\"~\",\"x\",\"\",{\"root\":\"\",\"dir\":\"~\",\"base\":\"x\",\"ext\":\"\",\"name\":\"x\"},false,\"~/x\",\"x/~/x\",\"~/x/y\",\"/r/~/x\",\"../../~/x\",\"~/x\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.basename('/a/b.js', '.js'), p.basename('/a/b.js/', '.js'), p.basename('aaa/bbb', 'bbb'), p.basename('a.js', 'a.js'), p.basename('a.js', 'js'), p.basename('a.js', ''), p.basename('/a/b', 'b'), p.basename('x.js', 'x.js.js'), p.basename('/a//', 'a'), p.basename('a.js//', '.js')])",
			"[\"b\",\"b\",\"bbb\",\"\",\"a.\",\"a.js\",\"b\",\"x.js\",\"a\",\"a\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'), p.relative('/a', '/a'), p.relative('/', '/a/b'), p.relative('/a/b', '/'), p.relative('/a/b/c', '/a/b'), p.relative('/a/bc', '/a/b'), p.relative('/a/b', '/a/bc'), p.relative('', ''), p.relative('/a/b/', '/a/b/c/')])",
			"[\"../../impl/bbb\",\"\",\"a/b\",\"../..\",\"..\",\"../b\",\"../bc\",\"\",\"c\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.join(), p.join(''), p.join('', ''), p.join('/a', '', 'b'), p.join('a', '/b'), p.join('/', '/'), p.join('a', '..'), p.join('a', '..', '..'), p.join('./a/', './b/')])",
			"[\".\",\".\",\".\",\"/a/b\",\"a/b\",\"/\",\".\",\"..\",\"a/b/\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.resolve('/foo/bar', './baz'), p.resolve('/foo/bar', '/tmp/file/'), p.resolve('/', ''), p.resolve('/a', '..', '..'), p.resolve('/a/', 'b/')])",
			"[\"/foo/bar/baz\",\"/tmp/file\",\"/\",\"/\",\"/a/b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.format({ root: '/ignored', dir: '/home/user/dir', base: 'file.txt' }), p.format({ root: '/', base: 'file.txt', ext: 'ignored' }), p.format({ root: '/', name: 'file', ext: '.txt' }), p.format({ name: 'file', ext: 'txt' }), p.format({ dir: 'd', name: 'n' }), p.format({}), p.format({ root: '/', dir: '/' , base: 'x'})])",
			"[\"/home/user/dir/file.txt\",\"/file.txt\",\"/file.txt\",\"file.txt\",\"d/n\",\"\",\"/x\"]",
		},
		{
			"const p=require('path'); JSON.stringify([p.sep, p.delimiter, p.posix === p, typeof p.win32.join, p.toNamespacedPath('/a/b'), require('path/posix') === p, require('node:path') === p])",
			"[\"/\",\":\",true,\"function\",\"/a/b\",true,true]",
		},
		{
			"try { require('path').join('a', 5) } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"path\" argument must be of type string. Received type number (5)",
		},
		{
			"try { require('path').resolve('a', null) } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"paths[1]\" argument must be of type string. Received null",
		},
		{
			"try { require('path').relative(1, '') } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"from\" argument must be of type string. Received type number (1)",
		},
		{
			"try { require('path').basename('x', 1) } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"suffix\" argument must be of type string. Received type number (1)",
		},
		{
			"try { require('path').format(null) } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"pathObject\" argument must be of type object. Received null",
		},
		{
			"try { require('path').dirname({}) } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"path\" argument must be of type string. Received an instance of Object",
		},
		{
			"const p=require('path'); JSON.stringify([p.basename(\"bbb\",\"bbb\"), p.basename(\"/bbb\",\"bbb\"), p.basename(\"a/a.js\",\"a.js\"), p.basename(\"a.js/\",\"a.js\"), p.basename(\"x/a.js/\",\"a.js\"), p.basename(\"xbbb\",\"bbb\"), p.basename(\"x/bbb/\",\"bbb\"), p.basename(\"bbb/\",\"bbb\"), p.basename(\"b\",\"b\"), p.basename(\"/b\",\"b\")])",
			"[\"\",\"bbb\",\"a.js\",\"a.js\",\"a.js\",\"x\",\"bbb\",\"bbb\",\"\",\"b\"]",
		},
		{
			"const p=require('path'); JSON.stringify([\"/..\",\"a/..\",\"/a/..\",\"./..\",\"..\",\"/.\",\"/...\", \"a/.\", \"/a/.b\", \"//..\"].map((s) => [p.parse(s), p.extname(s)]))",
			"[[{\"root\":\"/\",\"dir\":\"/\",\"base\":\"..\",\"ext\":\".\",\"name\":\".\"},\"\"],[{\"root\":\"\",\"dir\":\"a\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},\"\"],[{\"root\":\"/\",\"dir\":\"/a\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},\"\"],[{\"root\":\"\",\"dir\":\".\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},\"\"],[{\"root\":\"\",\"dir\":\"\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},\"\"],[{\"root\":\"/\",\"dir\":\"/\",\"base\":\".\",\"ext\":\"\",\"name\":\".\"},\"\"],[{\"root\":\"/\",\"dir\":\"/\",\"base\":\"...\",\"ext\":\".\",\"name\":\"..\"},\".\"],[{\"root\":\"\",\"dir\":\"a\",\"base\":\".\",\"ext\":\"\",\"name\":\".\"},\"\"],[{\"root\":\"/\",\"dir\":\"/a\",\"base\":\".b\",\"ext\":\"\",\"name\":\".b\"},\"\"],[{\"root\":\"/\",\"dir\":\"/\",\"base\":\"..\",\"ext\":\"\",\"name\":\"..\"},\"\"]]",
		},
	})
}

func TestPathResolveUsesCwd(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const path = require('path');
		const saved = globalThis.process;
		globalThis.process = { cwd: () => '/srv/app' };
		const a = [path.resolve('x'), path.resolve(), path.relative('lib', '/srv/other')];
		globalThis.process = undefined;
		a.push(path.resolve('x'), path.resolve());
		globalThis.process = saved;
		JSON.stringify(a);
	`).String()
	if want := `["/srv/app/x","/srv/app","../../other","/x","/"]`; v != want {
		t.Fatalf("got %s want %s", v, want)
	}
}
