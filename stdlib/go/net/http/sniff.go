// DetectContentType: the MIME type of content from its first bytes, as
// the WHATWG MIME Sniffing Standard describes (the common signatures).

package http

// DetectContentType returns the MIME type of data, looking at no more than
// its first 512 bytes; "application/octet-stream" when nothing fits. It
// follows the common signatures of the WHATWG MIME Sniffing Standard: HTML
// tags, XML, PDF, PostScript, byte order marks, icons, BMP, GIF, PNG,
// JPEG, Ogg, WebM, gzip, zip, RAR, WebAssembly, WebP and WAVE. (A native:
// every response without a Content-Type is sniffed.)
func DetectContentType(data []byte) string
