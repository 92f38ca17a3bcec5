package dev.rover.core.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;

/**
 * Jinjava's {@code for} tag with every iteration counted against the {@link RenderBudget} of the
 * rendering, so loops (nested ones above all) stop at the iteration limit or when the run ends.
 * What the loop goes over, its order and {@code loop.length} are unchanged.
 */
final class BoundedForTag extends ForTag {

    @Override
    public String renderForCollection(TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars,
                                      Object collection) {
        ForLoop items = ObjectIterator.getLoop(collection);
        return super.renderForCollection(tagNode, interpreter, loopVars, new Counted(items, items.getLength()));
    }

    /** The loop's items as a collection of the same size whose iterator charges the budget. */
    private static final class Counted extends AbstractCollection<Object> {

        private final ForLoop items;
        private final int size;

        Counted(ForLoop items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public Iterator<Object> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public Object next() {
                    RenderBudget.iteration();
                    return items.next();
                }
            };
        }

        @Override
        public int size() {
            return size;
        }
    }
}
