package uk.inspection.engine.drools.allowlist;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What a class compiled from rule text may reference, read from its bytecode: its own
 * rule set's generated classes, the fact classes, the plain values and collections of
 * {@code java.lang}, {@code java.util} and {@code java.time} (of their members, only
 * those rule text may call and those the compiler calls for it), and the members of
 * Drools' own runtime that its generated glue calls ({@link BytecodeTypes}). Nothing
 * else: no reflection, class loaders, {@code System}, {@code Runtime}, processes,
 * threads, I/O, networking, {@code Unsafe} or method handles, and no member of a value
 * that loops, reads a pattern or allocates what it is asked ({@code String.repeat},
 * {@code new ArrayList(n)}), whatever the source looked like; no lambda or other dynamic
 * call site (but string concatenation and a constructor reference to a built-in
 * accumulate function), no native method, no array of arrays, no {@code synchronized}.
 */
final class BytecodeAllowList {

    private BytecodeAllowList() {
    }

    /**
     * What the class refuses, each as written in Java ({@code java.lang.System.exit},
     * {@code java.io.File}, "a lambda or method reference"), in the order first met.
     */
    static List<String> refusals(ClassReader reader, Set<String> generated) {
        Set<String> refused = new LinkedHashSet<>();
        BytecodeTypes allowed = new BytecodeTypes(generated);
        reader.accept(new Classes(allowed, refused), ClassReader.SKIP_FRAMES);
        return List.copyOf(refused);
    }

    private static final class Classes extends ClassVisitor {

        private final BytecodeTypes allowed;

        private final Set<String> refused;

        Classes(BytecodeTypes allowed, Set<String> refused) {
            super(Opcodes.ASM9);
            this.allowed = allowed;
            this.refused = refused;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            if (superName != null) {
                type(superName);
            }
            for (String implemented : interfaces) {
                type(implemented);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                refused.add("a native method (" + name + ")");
            }
            if (name.equals("finalize")) {
                // it would run on the JVM's finaliser thread, outside any evaluation
                refused.add("a finaliser");
            }
            return new Methods(this);
        }

        void type(String internalName) {
            Type type = Type.getObjectType(internalName);
            while (type.getSort() == Type.ARRAY) {
                type = type.getElementType();
            }
            if (type.getSort() == Type.OBJECT && !allowed.type(type.getInternalName())) {
                refused.add(type.getClassName());
            }
        }

        void member(String owner, String name, String descriptor) {
            if (owner.startsWith("[")) {
                // an array's clone() or length
                type(owner);
            }
            else if (!allowed.member(owner, name, descriptor)) {
                refused.add(Type.getObjectType(owner).getClassName() + "." + name);
            }
        }

        void constant(Object value) {
            if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                type(type.getInternalName());
            }
            else if (value instanceof Type type && type.getSort() == Type.ARRAY) {
                type(type.getDescriptor());
            }
            else if (value instanceof Handle || value instanceof ConstantDynamic
                    || value instanceof Type type && type.getSort() == Type.METHOD) {
                refused.add("a method handle");
            }
        }

    }

    private static final class Methods extends MethodVisitor {

        private final Classes check;

        Methods(Classes check) {
            super(Opcodes.ASM9);
            this.check = check;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            check.member(owner, name, descriptor);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            check.member(owner, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            check.type(type);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            // its lengths could not each be bounded (BoundedWork)
            check.refused.add("an array of arrays");
        }

        @Override
        public void visitLdcInsn(Object value) {
            check.constant(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!check.allowed.stringConcatenation(bootstrap, arguments)
                    && !check.allowed.accumulateFunction(bootstrap, arguments)) {
                check.refused.add("a lambda or method reference (a dynamic call site)");
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                check.refused.add("synchronized");
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
        }

        @Override
        public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, org.objectweb.asm.Label dflt,
                org.objectweb.asm.Label... labels) {
        }

        @Override
        public void visitLookupSwitchInsn(org.objectweb.asm.Label dflt, int[] keys, org.objectweb.asm.Label[] labels) {
        }

        /**
         * No rule may catch or outlast an exception: the stop at a limit is one
         * ({@link RuleWork}).
         */
        @Override
        public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                org.objectweb.asm.Label handler, String type) {
            check.refused
                .add(type == null ? "a finally block" : "a catch of " + Type.getObjectType(type).getClassName());
        }

    }

}
