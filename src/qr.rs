//! QR codes of share links, as one SVG path, drawn without any request.
//!
//! The path draws each row's runs of dark modules as one rectangle, so a
//! code of a long link stays a few kilobytes of markup, not thousands of
//! elements.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw: `size` modules square (plus a 4-module quiet
/// zone on each side, included in [`Qr::view_box`]), dark modules as `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

const QUIET_ZONE: usize = 4;

impl Qr {
    /// The code of `text`, or `None` when it is too long for any QR code
    /// (about 2,900 characters at the lowest error correction).
    pub fn of(text: &str) -> Option<Qr> {
        // Medium correction survives a smudged screen; long links fall back to low.
        let code =
            QrCode::encode_text(text, QrCodeEcc::Medium).or_else(|_| QrCode::encode_text(text, QrCodeEcc::Low)).ok()?;
        let size = code.size() as usize;
        let mut path = String::new();
        for y in 0..size {
            let mut x = 0;
            while x < size {
                if !code.get_module(x as i32, y as i32) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < size && code.get_module(x as i32, y as i32) {
                    x += 1;
                }
                let _ = write!(path, "M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start);
            }
        }
        Some(Qr { size, path })
    }

    /// The SVG `viewBox`, quiet zone included.
    pub fn view_box(&self) -> String {
        let side = self.size + 2 * QUIET_ZONE;
        format!("0 0 {side} {side}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules the path draws, read back from the path itself.
    fn modules(qr: &Qr) -> Vec<Vec<bool>> {
        let side = qr.size + 2 * QUIET_ZONE;
        let mut grid = vec![vec![false; side]; side];
        for run in qr.path.split('M').filter(|s| !s.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let width: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            grid[y][x..x + width].fill(true);
        }
        grid
    }

    /// Renders the code at 4 pixels a module and reads it with a QR decoder.
    fn read_back(qr: &Qr) -> String {
        let scale = 4;
        let grid = modules(qr);
        let side = grid.len() * scale;
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(
                side,
                side,
                |x, y| {
                    if grid[y / scale][x / scale] {
                        0
                    } else {
                        255
                    }
                },
            );
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        grids[0].decode().expect("the code decodes").1
    }

    #[test]
    fn a_share_link_reads_back_from_its_code() {
        let link = "https://example.org/redline/#plan=ARoBBAgQICEmFhsfMCxZSxRTVFdYVUVRUEdJSgUHgJ9JEGQTyAEYyAEZZBBVUyAyOC1wb2ludCBwbGFuAA";
        let qr = Qr::of(link).unwrap();
        assert_eq!(read_back(&qr), link);
        assert_eq!(qr.view_box(), format!("0 0 {0} {0}", qr.size + 8));
    }

    #[test]
    fn a_long_link_still_gets_a_code_and_a_too_long_one_gets_none() {
        let long = format!("https://example.org/#plan={}", "A".repeat(1_500));
        assert_eq!(read_back(&Qr::of(&long).unwrap()), long);
        assert_eq!(Qr::of(&"x".repeat(5_000)), None);
    }
}
