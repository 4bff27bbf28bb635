//! Compact JSON text from any `Serialize` value, byte for byte what
//! `serde_json::to_string` writes for the report and the catalogue, in far
//! less wasm.
//!
//! Why not serde_json here: its serializer is generic and inlined into the
//! derived `Serialize` code of every type of the report; in the core web
//! module that was ~9 KiB gzip for `validate` alone. Here every derived
//! impl calls a few small, non-generic functions instead (`key`, `string`,
//! `unsigned`…). The report's shape still comes from its serde derives
//! only (names, `skip_serializing_if`, tags, `flatten`), so nothing is
//! written twice; a test checks the output equals serde_json's for every
//! corpus document.
//!
//! What the report never holds is not supported: floats and map keys that
//! are not strings make `to_string` return None.

use core::fmt::{self, Display};

use serde::ser::{self, Serialize};

use crate::prelude::*;

/// The compact JSON text of `value`, or None when it holds a float or a
/// map key that is not a string (the report has neither).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut out = Writer(String::with_capacity(4096));
    value.serialize(&mut out).ok()?;
    Some(out.0)
}

struct Writer(String);

/// The one error: a value JSON text from this writer cannot hold. Carries
/// no message, so no formatting code is linked for it.
#[derive(Debug)]
struct Unsupported;

impl Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("unsupported value")
    }
}

impl core::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(_msg: T) -> Self {
        Unsupported
    }
}

type Result<T = ()> = core::result::Result<T, Unsupported>;

impl Writer {
    /// `{"variant":` then a compound in `open`/`close`, closed with the
    /// variant's own brace when the compound ends.
    fn variant_compound(&mut self, variant: &str, open: char, close: char) -> Compound<'_> {
        self.open_variant(variant);
        Compound::open(self, open, close, true)
    }

    /// A JSON string, escaped as serde_json does: `"` `\` and the control
    /// characters (`\b \t \n \f \r`, else `\u00xx`); everything else as is.
    #[inline(never)]
    fn string(&mut self, s: &str) {
        let out = &mut self.0;
        out.reserve(s.len() + 2);
        out.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            out.push_str(&s[start..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            } else {
                out.push_str(escape);
            }
            start = i + 1;
        }
        out.push_str(&s[start..]);
        out.push('"');
    }

    #[inline(never)]
    fn unsigned(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            self.0.push(d as char);
        }
    }

    #[inline(never)]
    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.0.push('-');
        }
        self.unsigned(n.unsigned_abs());
    }

    /// `,` before every element but the first, then `"key":` when a key
    /// is given.
    #[inline(never)]
    fn next(&mut self, first: &mut bool, key: Option<&str>) {
        if !core::mem::take(first) {
            self.0.push(',');
        }
        if let Some(key) = key {
            self.string(key);
            self.0.push(':');
        }
    }

    /// `{"variant":` of an externally tagged variant with content.
    fn open_variant(&mut self, variant: &str) {
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
    }
}

/// An array or object being written; `variant` closes the `{"variant":…}`
/// wrapped around it.
struct Compound<'a> {
    out: &'a mut Writer,
    first: bool,
    close: char,
    variant: bool,
}

impl<'a> Compound<'a> {
    fn open(out: &'a mut Writer, open: char, close: char, variant: bool) -> Self {
        out.0.push(open);
        Compound {
            out,
            first: true,
            close,
            variant,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, key: Option<&str>, value: &T) -> Result {
        self.dyn_element(key, &value)
    }

    /// Through a vtable: the derived code of each struct is then a call
    /// per field, not that field's serializer inlined.
    #[inline(never)]
    fn dyn_element(&mut self, key: Option<&str>, value: &dyn Value) -> Result {
        self.out.next(&mut self.first, key);
        value.write(self.out)
    }

    fn close(self) -> Result {
        self.out.0.push(self.close);
        if self.variant {
            self.out.0.push('}');
        }
        Ok(())
    }
}

/// Any `Serialize` value, callable without knowing its type.
trait Value {
    fn write(&self, out: &mut Writer) -> Result;
}

impl<T: Serialize> Value for T {
    fn write(&self, out: &mut Writer) -> Result {
        self.serialize(out)
    }
}

/// Serializer methods for integers: each widened to the one 64-bit writer
/// of its signedness.
macro_rules! integers {
    ($($method:ident($ty:ty) => $writer:ident),*) => {$(
        fn $method(self, v: $ty) -> Result {
            self.$writer(v.into());
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    integers!(
        serialize_i8(i8) => signed,
        serialize_i16(i16) => signed,
        serialize_i32(i32) => signed,
        serialize_i64(i64) => signed,
        serialize_u8(u8) => unsigned,
        serialize_u16(u16) => unsigned,
        serialize_u32(u32) => unsigned,
        serialize_u64(u64) => unsigned
    );
    fn serialize_f32(self, _v: f32) -> Result {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Result {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = Compound::open(self, '[', ']', false);
        for b in v {
            seq.element(None, b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.0.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(Compound::open(self, '[', ']', false))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>> {
        Ok(Compound::open(self, '[', ']', false))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>> {
        Ok(Compound::open(self, '[', ']', false))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>> {
        Ok(self.variant_compound(variant, '[', ']'))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(Compound::open(self, '{', '}', false))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>> {
        Ok(Compound::open(self, '{', '}', false))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>> {
        Ok(self.variant_compound(variant, '{', '}'))
    }
}

/// The compounds whose elements have no key: each element written as is.
macro_rules! unkeyed_compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(None, value)
            }
            fn end(self) -> Result {
                self.close()
            }
        }
    )*};
}

unkeyed_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.out.next(&mut self.first, None);
        key.serialize(KeyWriter(&mut *self.out))?;
        self.out.0.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.element(Some(key), value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.element(Some(key), value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

/// A map key: only strings (all the report's maps come from `flatten`).
struct KeyWriter<'a>(&'a mut Writer);

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result {
        self.0.string(v);
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.0.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_bool(self, _v: bool) -> Result {
        Err(Unsupported)
    }
    fn serialize_i8(self, _v: i8) -> Result {
        Err(Unsupported)
    }
    fn serialize_i16(self, _v: i16) -> Result {
        Err(Unsupported)
    }
    fn serialize_i32(self, _v: i32) -> Result {
        Err(Unsupported)
    }
    fn serialize_i64(self, _v: i64) -> Result {
        Err(Unsupported)
    }
    fn serialize_u8(self, _v: u8) -> Result {
        Err(Unsupported)
    }
    fn serialize_u16(self, _v: u16) -> Result {
        Err(Unsupported)
    }
    fn serialize_u32(self, _v: u32) -> Result {
        Err(Unsupported)
    }
    fn serialize_u64(self, _v: u64) -> Result {
        Err(Unsupported)
    }
    fn serialize_f32(self, _v: f32) -> Result {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Result {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> Result {
        self.0.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Result {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(Unsupported)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize + ?Sized>(value: &T) {
        let want = serde_json::to_string(value).expect("serde_json");
        assert_eq!(to_string(value).as_deref(), Some(want.as_str()));
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every: String = (0u8..0x80).map(char::from).collect();
        every.push_str("预算「表三」\u{7f}\u{2028}\u{feff}😀\\\"");
        same(&every);
        same("");
        same(&vec!["a\"b", "\u{0}", "\u{1f}x", "end\\"]);
    }

    #[test]
    fn values_of_every_kind_the_report_uses() {
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            Plain,
            Wrapped(u32),
            Pair(u8, i64),
            Named { a: Option<u32> },
        }
        #[derive(Serialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Tagged {
            One { x: usize },
            Two,
        }
        #[derive(Serialize)]
        struct Inner {
            k: &'static str,
        }
        #[derive(Serialize)]
        struct Outer {
            n: usize,
            neg: i32,
            big: u64,
            none: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<String>,
            #[serde(flatten)]
            inner: Inner,
            #[serde(flatten)]
            tagged: Tagged,
            list: Vec<Kind>,
            empty: Vec<u8>,
            map: BTreeMap<String, bool>,
            t: (u8, char),
        }
        let mut map = BTreeMap::new();
        map.insert("x".to_string(), true);
        map.insert("y\n".to_string(), false);
        same(&Outer {
            n: usize::MAX,
            neg: i32::MIN,
            big: u64::MAX,
            none: None,
            skipped: None,
            inner: Inner { k: "v" },
            tagged: Tagged::One { x: 0 },
            list: vec![
                Kind::Plain,
                Kind::Wrapped(7),
                Kind::Pair(1, -1),
                Kind::Named { a: Some(3) },
                Kind::Named { a: None },
            ],
            empty: vec![],
            map,
            t: (9, '"'),
        });
        same(&vec![Tagged::Two, Tagged::One { x: 12 }]);
        assert_eq!(to_string(&1.5f64), None);
        let mut numeric = BTreeMap::new();
        numeric.insert(1u32, 2u32);
        assert_eq!(to_string(&numeric), None);
    }

    #[test]
    fn every_corpus_report_is_what_serde_json_writes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("fixture");
                same(&crate::check_text(&text));
                n += 1;
            }
        }
        assert!(n > 0);
        same(&crate::rules::index());
    }
}
