package dev.throughline.grooming;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Finds the dependency cycles (strongly connected components of more than one issue) of a
 * "blocks" graph given as adjacency lists over indices. Iterative Tarjan, so a long chain
 * of 5,000 issues cannot overflow the stack.
 */
final class DependencyCycles {

    private DependencyCycles() {
    }

    /**
     * Each cycle as the sorted indices of its members; cycles ordered by their first
     * member.
     */
    static List<List<Integer>> of(List<List<Integer>> successors) {
        int n = successors.size();
        int[] index = new int[n];
        int[] lowLink = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<List<Integer>> cycles = new ArrayList<>();
        int[] nextEdge = new int[n];
        int counter = 0;

        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            Deque<Integer> path = new ArrayDeque<>();
            path.push(root);
            index[root] = lowLink[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            while (!path.isEmpty()) {
                int v = path.peek();
                List<Integer> out = successors.get(v);
                if (nextEdge[v] < out.size()) {
                    int w = out.get(nextEdge[v]++);
                    if (index[w] < 0) {
                        index[w] = lowLink[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        path.push(w);
                    }
                    else if (onStack[w]) {
                        lowLink[v] = Math.min(lowLink[v], index[w]);
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    int parent = path.peek();
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[v]);
                }
                if (lowLink[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    }
                    while (w != v);
                    if (component.size() > 1) {
                        Collections.sort(component);
                        cycles.add(component);
                    }
                }
            }
        }
        cycles.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
        return cycles;
    }

}
