//! The widget's views, built with Leptos (client-side rendering). They render decisions of the
//! clinical engine and compute no clinical rule themselves.

pub mod calculator;

pub use calculator::Calculator;
