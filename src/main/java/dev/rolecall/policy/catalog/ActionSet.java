package dev.rolecall.policy.catalog;

import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** An immutable set of catalog actions; set operations are cheap bit operations. */
public final class ActionSet {

    private final List<IamAction> universe;
    private final BitSet bits;

    ActionSet(List<IamAction> universe, BitSet bits) {
        this.universe = universe;
        this.bits = bits;
    }

    /** The bits behind this set; callers never change them. */
    BitSet bits() {
        return bits;
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean contains(IamAction action) {
        return bits.get(action.index());
    }

    /** Whether every action of {@code other} is in this set. */
    public boolean containsAll(ActionSet other) {
        for (int i = other.bits.nextSetBit(0); i >= 0; i = other.bits.nextSetBit(i + 1)) {
            if (!bits.get(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean intersects(ActionSet other) {
        return bits.intersects(other.bits);
    }

    public ActionSet union(ActionSet other) {
        BitSet result = (BitSet) bits.clone();
        result.or(other.bits);
        return new ActionSet(universe, result);
    }

    public ActionSet intersect(ActionSet other) {
        BitSet result = (BitSet) bits.clone();
        result.and(other.bits);
        return new ActionSet(universe, result);
    }

    public ActionSet minus(ActionSet other) {
        BitSet result = (BitSet) bits.clone();
        result.andNot(other.bits);
        return new ActionSet(universe, result);
    }

    /** The actions of this set that satisfy {@code filter}. */
    public ActionSet filter(Predicate<IamAction> filter) {
        BitSet result = new BitSet();
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            if (filter.test(universe.get(i))) {
                result.set(i);
            }
        }
        return new ActionSet(universe, result);
    }

    /** The actions in catalog order (by service, then name). */
    public Stream<IamAction> actions() {
        return bits.stream().mapToObj(universe::get);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionSet set && set.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return size() <= 10 ? actions().toList().toString() : size() + " actions";
    }
}
