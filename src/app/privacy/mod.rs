//! Protection des données (RGPD): a person's data on request, the register entry.

pub mod access;
pub mod register;
