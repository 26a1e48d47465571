<?php
// Prints, as JSON, the shape of the extension's classes (declared by the extension, or by the
// stubs file given as argv[1] when the extension is not loaded): for each class its parent,
// interfaces, constants, public properties and public methods with their parameter names.

declare(strict_types=1);

if (isset($argv[1])) {
    require $argv[1];
}

$classes = array_merge(get_declared_classes(), get_declared_interfaces());
$shape = [];
foreach ($classes as $name) {
    if (!str_starts_with($name, 'OpenTok\\') && $name !== 'OpenTokSDK') {
        continue;
    }
    $class = new ReflectionClass($name);
    $methods = [];
    foreach ($class->getMethods(ReflectionMethod::IS_PUBLIC) as $m) {
        if ($m->getDeclaringClass()->getName() !== $name) {
            continue;
        }
        $methods[$m->getName()] = array_map(fn (ReflectionParameter $p) => $p->getName(), $m->getParameters());
    }
    ksort($methods);
    $props = array_map(fn (ReflectionProperty $p) => $p->getName(), $class->getProperties(ReflectionProperty::IS_PUBLIC));
    sort($props);
    $interfaces = $class->getInterfaceNames();
    sort($interfaces);
    $constants = $class->getConstants();
    ksort($constants);
    $shape[$name] = [
        'parent' => $class->getParentClass() ? $class->getParentClass()->getName() : null,
        'interfaces' => $interfaces,
        'constants' => $constants,
        'properties' => $props,
        'methods' => $methods,
    ];
}
ksort($shape);
echo json_encode($shape, JSON_PRETTY_PRINT), "\n";
