"""Independent corroboration is counted by origin: same original outlet or
same speaker is one origin, however many outlets relay it."""

from casefile.services.corroboration import ClaimTrace, Support, first_source, independent_support, origins

JORNADA, CNN, MILENIO, INSIGHT, INTERVIEW = 1, 2, 3, 4, 5
PLACIDO, WITNESS = 10, 11


def test_same_original_outlet_is_one_origin():
    a = ClaimTrace(1, origin_id=JORNADA, origin_status="located", source_id=INSIGHT)
    b = ClaimTrace(2, origin_id=JORNADA, origin_status="not_located", source_id=MILENIO)
    assert origins([a, b]).count([1, 2]) == 1


def test_same_speaker_through_different_outlets_is_one_origin():
    a = ClaimTrace(1, claimant_id=PLACIDO, origin_id=JORNADA, origin_status="located", source_id=INSIGHT)
    b = ClaimTrace(2, claimant_id=PLACIDO, origin_id=MILENIO, origin_status="located", source_id=MILENIO)
    assert origins([a, b]).count([1, 2]) == 1


def test_origins_join_transitively():
    # a and b share an outlet, b and c share a speaker: all three are one voice
    a = ClaimTrace(1, origin_id=JORNADA, origin_status="located")
    b = ClaimTrace(2, claimant_id=PLACIDO, origin_id=JORNADA, origin_status="located")
    c = ClaimTrace(3, claimant_id=PLACIDO, origin_id=CNN, origin_status="located")
    d = ClaimTrace(4, claimant_id=WITNESS, source_id=INTERVIEW, origin_status="read_source")
    found = origins([a, b, c, d])
    assert found.count([1, 2, 3, 4]) == 2
    assert found.groups([1, 2, 3, 4]) == [[1, 2, 3], [4]]


def test_relays_and_the_source_read_are_not_origins():
    # two claims read in the same analysis but first said in different outlets are independent
    a = ClaimTrace(1, origin_id=CNN, origin_status="located", source_id=INSIGHT, relays=(JORNADA,))
    b = ClaimTrace(2, origin_id=MILENIO, origin_status="located", source_id=INSIGHT, relays=(JORNADA,))
    assert origins([a, b]).count([1, 2]) == 2


def test_first_source_when_the_origin_is_unknown():
    assert first_source(ClaimTrace(1, source_id=INSIGHT, relays=(CNN, JORNADA))) == CNN
    assert first_source(ClaimTrace(1, source_id=INSIGHT)) == INSIGHT
    assert first_source(ClaimTrace(1, source_id=INSIGHT, origin_status="read_source")) == INSIGHT
    assert first_source(ClaimTrace(1, origin_id=JORNADA, origin_status="not_located", source_id=INSIGHT)) == JORNADA
    assert first_source(ClaimTrace(1)) is None


def test_a_claim_with_nothing_known_is_its_own_origin():
    found = origins([ClaimTrace(1), ClaimTrace(2)])
    assert found.count([1, 2]) == 2
    assert found.count([3]) == 0  # unknown claims count nothing


def test_support_from_another_origin_adds_one_repetition_adds_none():
    placido = ClaimTrace(1, claimant_id=PLACIDO, origin_id=JORNADA, origin_status="located", source_id=INSIGHT)
    witness = ClaimTrace(2, claimant_id=WITNESS, source_id=INTERVIEW, origin_status="read_source")
    echo = ClaimTrace(3, origin_id=JORNADA, origin_status="located", source_id=CNN)
    traces = [placido, witness, echo]
    assert independent_support([1], traces) == 1
    assert independent_support([1], traces, [Support(1, by_claim_id=2)]) == 2
    assert independent_support([1], traces, [Support(1, by_claim_id=3)]) == 1  # same outlet
    assert independent_support([1], traces, [Support(1, by_source_id=JORNADA)]) == 1  # its own origin
    assert independent_support([1], traces, [Support(1, by_source_id=MILENIO)]) == 2
    assert independent_support([1], traces, [Support(9, by_source_id=MILENIO)]) == 1  # about another claim
