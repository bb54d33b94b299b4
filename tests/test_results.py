"""Metric names and result keys (eval/results.py): one spelling, parsed back without slicing, and the
report's columns and the demo's lines name only metrics the evaluation writes."""

import json

import pytest

from cvdstorm.errors import CvdError
from cvdstorm.eval import results as R


def test_reference_keys_round_trip_and_refuse_foreign_keys():
    for k in (0, 1, 3, 12):
        assert R.ref_count(R.ref_key(k)) == k
    assert R.by_ref(R.FVD, 3) == "fvd_ref3" and R.warp_l1("temporal", "real_gs") == "temporal_l1_real_gs"
    for bad in ("ref", "refx", "3", "ref-1", None):
        with pytest.raises(CvdError, match="not a reference-count key"):
            R.ref_count(bad)


def test_report_columns_and_headline_name_written_metrics():
    from cvdstorm.report.html import GENERATION_COLUMNS, ref_label

    written = set(R.HEADLINE) | {R.FID, R.FVD}
    assert {k for k, _ in GENERATION_COLUMNS} <= written
    assert len(set(R.HEADLINE)) == len(R.HEADLINE)
    assert ref_label("ref1") == "1 reference frame" and ref_label("ref3") == "3 reference frames"
    assert ref_label("<b>x") == "<b>x"   # shown as text (escaped by the page), never parsed


def test_generation_aggregate_json_round_trip():
    """Reference counts are ints in code and `ref<k>` only in the JSON; from_json inverts to_json and
    refuses what is no aggregate in one line."""
    from cvdstorm.eval.results import FVD, GenerationAggregate, by_ref

    agg = GenerationAggregate({by_ref(FVD, 3): 14.0}, {3: {FVD: 14.0, "runs": 2}, 0: {FVD: 30.0}},
                              {0: {"psnr": [20.0, 18.0]}, 3: {"psnr": [25.0, 24.0]}}, notes=["n"], settings={"a": 1})
    js = agg.to_json()
    assert list(js["by_reference"]) == ["ref0", "ref3"] and js["summary"] == {"fvd_ref3": 14.0}
    back = GenerationAggregate.from_json(json.loads(json.dumps(js)))
    assert back == agg and back.metric(FVD, 3) == 14.0 and back.metric(FVD, 1) is None
    for bad in ([], {"summary": {}}, {"summary": {}, "by_reference": {"three": {}}, "quality_vs_horizon": {}}):
        with pytest.raises(CvdError):
            GenerationAggregate.from_json(bad, "x.json")
