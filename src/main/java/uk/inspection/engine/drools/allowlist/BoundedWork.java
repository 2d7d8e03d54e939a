package uk.inspection.engine.drools.allowlist;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a class compiled from rule text, after it passed {@link BytecodeAllowList}, so
 * that its work is counted by {@link RuleWork}: a step before each call to a value, a
 * fact or Drools' fact actions; the size of what each call on a value returned; the calls
 * that grow a collection in place or search a value replaced by checked ones; the length
 * of each array it creates. Every rewritten class has {@link #MARK}, by which a rule set
 * is refused if a consequence that was not rewritten would run.
 */
final class BoundedWork {

    /** A static field of every rewritten class. */
    static final String MARK = "$boundedWork";

    private static final String RULE_WORK = Type.getInternalName(RuleWork.class);

    private static final String FACT_ACTIONS = "org/drools/model/Drools";

    /** A call replaced by a checked one: the receiver becomes the first argument. */
    private record Checked(String name, String descriptor, Class<?> receiver) {

        String staticDescriptor() {
            return "(" + Type.getDescriptor(receiver) + descriptor.substring(1);
        }

    }

    private static final List<Checked> CHECKED = List.of(new Checked("add", "(Ljava/lang/Object;)Z", Collection.class),
            new Checked("add", "(ILjava/lang/Object;)V", List.class),
            new Checked("addAll", "(Ljava/util/Collection;)Z", Collection.class),
            new Checked("addAll", "(ILjava/util/Collection;)Z", List.class),
            new Checked("put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", Map.class),
            new Checked("putIfAbsent", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", Map.class),
            new Checked("putAll", "(Ljava/util/Map;)V", Map.class),
            new Checked("containsAll", "(Ljava/util/Collection;)Z", Collection.class),
            new Checked("contains", "(Ljava/lang/CharSequence;)Z", String.class),
            new Checked("indexOf", "(Ljava/lang/String;)I", String.class),
            new Checked("indexOf", "(Ljava/lang/String;I)I", String.class),
            new Checked("lastIndexOf", "(Ljava/lang/String;)I", String.class),
            new Checked("lastIndexOf", "(Ljava/lang/String;I)I", String.class));

    private BoundedWork() {
    }

    /** The class rewritten; {@code generated} are the rule set's own classes. */
    static byte[] rewrite(byte[] bytes, Set<String> generated) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new Classes(writer, generated), 0);
        return writer.toByteArray();
    }

    private static final class Classes extends ClassVisitor {

        private final Set<String> generated;

        Classes(ClassVisitor next, Set<String> generated) {
            super(Opcodes.ASM9, next);
            this.generated = generated;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            return new Methods(super.visitMethod(access, name, descriptor, signature, exceptions), generated);
        }

        @Override
        public void visitEnd() {
            super.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, MARK,
                    "Z", null, 1)
                .visitEnd();
            super.visitEnd();
        }

    }

    private static final class Methods extends MethodVisitor {

        private final Set<String> generated;

        /** The labels met so far: a jump to one of them goes back. */
        private final Set<Label> behind = new HashSet<>();

        Methods(MethodVisitor next, Set<String> generated) {
            super(Opcodes.ASM9, next);
            this.generated = generated;
        }

        @Override
        public void visitLabel(Label label) {
            behind.add(label);
            super.visitLabel(label);
        }

        /**
         * A step before each jump back: a loop (which only a bypass of the source check
         * could compile) steps even if it calls nothing.
         */
        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (behind.contains(label)) {
                work("step", "()V");
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (behind.contains(dflt) || Arrays.stream(labels).anyMatch(behind::contains)) {
                work("step", "()V");
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (behind.contains(dflt) || Arrays.stream(labels).anyMatch(behind::contains)) {
                work("step", "()V");
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            // a value's toString, hashCode or equals is called on Object when the
            // value's type is an interface
            boolean value = BytecodeTypes.isValue(owner)
                    || owner.equals("java/lang/Object") && !name.equals("<init>") && !name.equals("getClass");
            if (value || BytecodeTypes.isFact(owner) || owner.equals(FACT_ACTIONS)) {
                work("step", "()V");
            }
            Optional<Checked> checked = value && opcode != Opcodes.INVOKESTATIC ? checked(owner, name, descriptor)
                    : Optional.empty();
            if (checked.isPresent()) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, RULE_WORK, name, checked.get().staticDescriptor(), false);
            }
            else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
            if (value && !name.equals("<init>") && Type.getReturnType(descriptor).getSort() == Type.OBJECT) {
                sized();
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            // string concatenation, the only dynamic call site allowed
            work("step", "()V");
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
            sized();
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                work("arrayLength", "(I)I");
            }
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                work("arrayLength", "(I)I");
            }
            super.visitTypeInsn(opcode, type);
        }

        private void sized() {
            super.visitInsn(Opcodes.DUP);
            work("sized", "(Ljava/lang/Object;)V");
        }

        private void work(String name, String descriptor) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RULE_WORK, name, descriptor, false);
        }

        private Optional<Checked> checked(String owner, String name, String descriptor) {
            return KnownTypes.load(owner.replace('/', '.'))
                .flatMap(type -> CHECKED.stream()
                    .filter(c -> c.name().equals(name) && c.descriptor().equals(descriptor)
                            && c.receiver().isAssignableFrom(type))
                    .findFirst());
        }

    }

}
