//! Where a rule puts what it found and what it could and could not check.

use super::RuleMeta;
use crate::prelude::*;
use crate::report::{Check, CheckStatus, Evidence, Finding, Severity};

pub struct Sink {
    meta: &'static RuleMeta,
    findings: Vec<Finding>,
    comparisons: usize,
    not_applicable: Vec<String>,
    could_not_run: Vec<String>,
}

impl Sink {
    pub fn new(meta: &'static RuleMeta) -> Sink {
        Sink {
            meta,
            findings: Vec::new(),
            comparisons: 0,
            not_applicable: Vec::new(),
            could_not_run: Vec::new(),
        }
    }

    pub fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    /// One comparison was made (whatever its outcome).
    pub fn compared(&mut self) {
        self.comparisons += 1;
    }

    pub fn not_applicable(&mut self, reason: impl Into<String>) {
        push_unique(&mut self.not_applicable, reason.into());
    }

    pub fn could_not_run(&mut self, reason: impl Into<String>) {
        push_unique(&mut self.could_not_run, reason.into());
    }

    /// Starts a finding of this rule; `emit` it when complete.
    pub fn finding(
        &self,
        severity: Severity,
        location: impl Into<String>,
        line: usize,
        message: impl Into<String>,
    ) -> Finding {
        self.new_finding(severity, location.into(), line, message.into())
    }

    /// The body of [`Sink::finding`], once for all its callers (the generic
    /// wrapper is inlined into each).
    #[inline(never)]
    fn new_finding(
        &self,
        severity: Severity,
        location: String,
        line: usize,
        message: String,
    ) -> Finding {
        Finding {
            rule: self.meta.id,
            rule_name: self.meta.name,
            severity,
            message,
            location,
            line,
            evidence: Vec::new(),
            expected: None,
            actual: None,
            difference: None,
            tolerance: None,
            // Set by `Report::locate` when the text came from a file with places.
            page: None,
            sheet: None,
        }
    }

    pub fn emit(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// A finding with evidence in one call.
    pub fn report(
        &mut self,
        severity: Severity,
        location: impl Into<String>,
        line: usize,
        message: impl Into<String>,
        evidence: Vec<Evidence>,
    ) {
        self.report_finding(severity, location.into(), line, message.into(), evidence);
    }

    /// The body of [`Sink::report`], once for all its callers.
    #[inline(never)]
    fn report_finding(
        &mut self,
        severity: Severity,
        location: String,
        line: usize,
        message: String,
        evidence: Vec<Evidence>,
    ) {
        let mut f = self.new_finding(severity, location, line, message);
        f.evidence = evidence;
        self.emit(f);
    }

    pub fn finish(self) -> (Vec<Finding>, Check) {
        let status = if self.comparisons > 0 || !self.findings.is_empty() {
            CheckStatus::Ran
        } else if !self.could_not_run.is_empty() {
            CheckStatus::CouldNotRun
        } else {
            CheckStatus::NotApplicable
        };
        let mut reasons = self.could_not_run;
        reasons.extend(self.not_applicable);
        if status == CheckStatus::NotApplicable && reasons.is_empty() {
            reasons.push("本文档没有适用的内容".to_string());
        }
        let check = Check {
            rule: self.meta.id,
            name: self.meta.name,
            title: self.meta.title,
            status,
            comparisons: self.comparisons,
            reasons,
        };
        (self.findings, check)
    }
}

fn push_unique(list: &mut Vec<String>, s: String) {
    if !list.contains(&s) {
        list.push(s);
    }
}
