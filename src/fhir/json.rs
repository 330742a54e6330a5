//! FHIR JSON read in place: each entry of a page is parsed into serde_json_borrow's tree, whose
//! strings point into the page's bytes instead of being copied, and read from there. About half
//! the time and far fewer allocations than a `serde_json::Value` per entry (docs/benchmarks.md).
//!
//! Members are looked up as `serde_json::Value` would: a missing member, or a member of
//! something that is not an object, is null; of a member written twice, the last counts.

pub use serde_json_borrow::Value;

/// The null every missing member is.
static NULL: Value<'static> = Value::Null;

/// `value["key"]` and `value[index]`, as on a `serde_json::Value`.
pub trait Member<'a> {
    /// The member `key` of an object (the last, if written twice), else null.
    fn member(&'a self, key: &str) -> &'a Value<'a>;
}

impl<'a> Member<'a> for Value<'a> {
    fn member(&'a self, key: &str) -> &'a Value<'a> {
        match self {
            Value::Object(object) => object
                .as_vec()
                .iter()
                .rev()
                .find(|(name, _)| **name == *key)
                .map_or(&NULL, |(_, value)| value),
            _ => &NULL,
        }
    }
}

/// The text of a JSON number as serde_json writes it (its shortest round-trip form), which is
/// how `Decimal` reads a measured value.
pub fn number_text(value: &Value) -> Option<String> {
    match value {
        Value::Number(number) => Some(serde_json::Number::from(*number).to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value<'_> {
        serde_json::from_str(text).unwrap()
    }

    /// Guards the reading of an Observation whose member is written twice: the same value as
    /// serde_json's own tree gives (the last), never the first.
    #[test]
    fn a_member_written_twice_is_read_as_serde_json_reads_it() {
        let text = r#"{"valueQuantity": {"value": 12}, "valueQuantity": {"value": 30}}"#;
        let ours = parse(text);
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            number_text(ours.member("valueQuantity").member("value")),
            Some(theirs["valueQuantity"]["value"].to_string())
        );
        assert_eq!(
            number_text(ours.member("valueQuantity").member("value")).as_deref(),
            Some("30")
        );
    }

    #[test]
    fn missing_members_and_members_of_non_objects_are_null() {
        let value = parse(r#"{"a": [1, 2], "b": "text"}"#);
        assert!(value.member("c").is_null());
        assert!(value.member("b").member("c").is_null());
        assert!(value.member("a").member("0").is_null());
        assert!(value.member("c").member("d").member("e").is_null());
    }

    /// Measured values keep the text serde_json gives them (`Decimal` parses that text).
    #[test]
    fn numbers_read_as_serde_json_writes_them() {
        for text in [
            "0",
            "37.5",
            "-3",
            "1e2",
            "0.1",
            "98.60",
            "18446744073709551615",
            "1.0",
        ] {
            let ours = parse(text);
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(number_text(&ours), Some(theirs.to_string()), "{text}");
        }
        assert_eq!(number_text(&parse(r#""37.5""#)), None);
    }
}
