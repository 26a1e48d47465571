//! `OpenTok\Layout`: the layout of a composed archive or a broadcast, with the official static
//! constructors. It holds the core's [`opentok::Layout`]; the rules are the core's.

// PHP sees the Rust parameter names (named arguments): they are the official camelCase ones.
#![allow(non_snake_case)]

use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendObject, Zval};

use crate::convert::{to_json, to_zval};
use crate::error::OrThrow;

/// `OpenTok\Layout`.
#[php_class]
#[php(name = "OpenTok\\Layout")]
pub struct Layout {
    pub(crate) inner: opentok::Layout,
}

impl Layout {
    fn of(t: opentok::LayoutType) -> Layout {
        Layout { inner: opentok::Layout::of(t) }
    }

    fn read(field: &str, data: &Zval) -> PhpResult<Layout> {
        let value = to_json(field, data).or_throw()?;
        let inner = opentok::Layout::from_json(&value).or_throw()?;
        inner.validate().or_throw()?;
        Ok(Layout { inner })
    }
}

#[php_impl]
impl Layout {
    /// `bestFit`.
    pub const LAYOUT_BESTFIT: &'static str = "bestFit";
    /// `custom`.
    pub const LAYOUT_CUSTOM: &'static str = "custom";
    /// `horizontalPresentation`.
    pub const LAYOUT_HORIZONTAL: &'static str = "horizontalPresentation";
    /// `pip`.
    pub const LAYOUT_PIP: &'static str = "pip";
    /// `verticalPresentation`.
    pub const LAYOUT_VERTICAL: &'static str = "verticalPresentation";

    /// A custom layout: `['stylesheet' => 'css']`.
    pub fn create_custom(options: &Zval) -> PhpResult<Layout> {
        let mut value = to_json("options", options).or_throw()?;
        if let serde_json::Value::Object(m) = &mut value {
            m.insert("type".into(), "custom".into());
        } else {
            value = serde_json::json!({"type": "custom"});
        }
        let inner = opentok::Layout::from_json(&value).or_throw()?;
        inner.validate().or_throw()?;
        Ok(Layout { inner })
    }

    /// A layout from its array form (`['type' => 'bestFit', 'screenshareType' => 'pip']`).
    pub fn from_data(layoutData: &Zval) -> PhpResult<Layout> {
        Layout::read("layoutData", layoutData)
    }

    /// `bestFit`.
    pub fn get_best_fit() -> Layout {
        Layout::of(opentok::LayoutType::BestFit)
    }

    /// `pip`.
    #[php(name = "getPIP")]
    pub fn get_pip() -> Layout {
        Layout::of(opentok::LayoutType::Pip)
    }

    /// `verticalPresentation`.
    pub fn get_vertical_presentation() -> Layout {
        Layout::of(opentok::LayoutType::VerticalPresentation)
    }

    /// `horizontalPresentation`.
    pub fn get_horizontal_presentation() -> Layout {
        Layout::of(opentok::LayoutType::HorizontalPresentation)
    }

    /// The layout used while a screen is shared (only with `bestFit`); returns `$this`.
    pub fn set_screenshare_type<'a>(
        self_: &'a mut ZendClassObject<Layout>,
        screenshareType: &Zval,
    ) -> PhpResult<&'a mut ZendClassObject<Layout>> {
        let text = crate::convert::text("screenshareType", screenshareType).or_throw()?;
        let mut next = self_.inner.clone();
        next.screenshare_type = Some(text.parse::<opentok::LayoutType>().or_throw()?);
        next.validate().or_throw()?;
        self_.inner = next;
        Ok(self_)
    }

    /// `['type' => ..., 'stylesheet' => ..., 'screenshareType' => ...]`.
    pub fn to_array(&self) -> Zval {
        to_zval(&self.inner.to_json())
    }

    /// The JSON text of [`Layout::to_array`].
    pub fn to_json(&self) -> String {
        self.inner.to_json().to_string()
    }

    /// The array form, for `json_encode`.
    pub fn json_serialize(&self) -> Zval {
        self.to_array()
    }
}

/// The JSON form of `obj` when it is an `OpenTok\Layout`.
pub fn json_of(obj: &ZendObject) -> Option<serde_json::Value> {
    if !obj.is_instance::<Layout>() {
        return None;
    }
    ZendClassObject::<Layout>::from_zend_obj(obj).map(|l| l.inner.to_json())
}
