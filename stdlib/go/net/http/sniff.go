// DetectContentType: the MIME type of content from its first bytes, as
// the WHATWG MIME Sniffing Standard describes (the common signatures).

package http

import "strings"

const sniffLen = 512

func isWS(b byte) bool {
	return b == '\t' || b == '\n' || b == '\x0c' || b == '\r' || b == ' '
}

// htmlTags open an HTML document when followed by a space or '>'.
var htmlTags = []string{
	"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT",
	"<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--",
}

// exactSigs: a prefix and its type.
var exactSigs = []struct{ sig, ct string }{
	{"%PDF-", "application/pdf"},
	{"%!PS-Adobe-", "application/postscript"},
	{"\xFE\xFF", "text/plain; charset=utf-16be"},
	{"\xFF\xFE", "text/plain; charset=utf-16le"},
	{"\xEF\xBB\xBF", "text/plain; charset=utf-8"},
	{"\x00\x00\x01\x00", "image/x-icon"},
	{"\x00\x00\x02\x00", "image/x-icon"},
	{"BM", "image/bmp"},
	{"GIF87a", "image/gif"},
	{"GIF89a", "image/gif"},
	{"\x89PNG\x0D\x0A\x1A\x0A", "image/png"},
	{"\xFF\xD8\xFF", "image/jpeg"},
	{"OggS\x00", "application/ogg"},
	{"\x1A\x45\xDF\xA3", "video/webm"},
	{"\x1F\x8B\x08", "application/x-gzip"},
	{"PK\x03\x04", "application/zip"},
	{"Rar!\x1A\x07\x00", "application/x-rar-compressed"},
	{"Rar!\x1A\x07\x01\x00", "application/x-rar-compressed"},
	{"\x00\x61\x73\x6D", "application/wasm"},
}

// DetectContentType returns the MIME type of data, looking at no more than
// its first 512 bytes; "application/octet-stream" when nothing fits.
func DetectContentType(data []byte) string {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	firstNonWS := 0
	for ; firstNonWS < len(data) && isWS(data[firstNonWS]); firstNonWS++ {
	}
	rest := data[firstNonWS:]
	for _, tag := range htmlTags {
		if len(rest) == 0 || rest[0] != '<' {
			break
		}
		if len(rest) < len(tag)+1 {
			continue
		}
		if !strings.EqualFold(string(rest[:len(tag)]), tag) {
			continue
		}
		if b := rest[len(tag)]; b == ' ' || b == '>' {
			return "text/html; charset=utf-8"
		}
	}
	if len(rest) >= 5 && string(rest[:5]) == "<?xml" {
		return "text/xml; charset=utf-8"
	}
	for _, s := range exactSigs {
		if len(data) >= len(s.sig) && data[0] == s.sig[0] && string(data[:len(s.sig)]) == s.sig {
			return s.ct
		}
	}
	if len(data) >= 14 && string(data[:4]) == "RIFF" && string(data[8:14]) == "WEBPVP" {
		return "image/webp"
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WAVE" {
		return "audio/wave"
	}
	for _, b := range data {
		if b <= 0x08 || b == 0x0B || 0x0E <= b && b <= 0x1A || 0x1C <= b && b <= 0x1F {
			return "application/octet-stream"
		}
	}
	return "text/plain; charset=utf-8"
}
