<?php

declare(strict_types=1);

namespace OpenTok\Tests;

use OpenTok\Archive;
use OpenTok\ArchiveList;
use OpenTok\Exception\ArchiveDomainException;
use OpenTok\Exception\ArchiveException;
use OpenTok\Exception\DomainException;
use OpenTok\Exception\InvalidArgumentException;
use OpenTok\Layout;
use OpenTok\OutputMode;
use OpenTok\StreamMode;

final class ArchiveTest extends EmulatorTestCase
{
    public function testStartGetListStopDelete(): void
    {
        [$sid] = $this->emulator->liveSession($this->opentok);
        $archive = $this->opentok->startArchive($sid, [
            'name' => 'standup',
            'hasAudio' => true,
            'hasVideo' => true,
            'outputMode' => OutputMode::COMPOSED,
            'resolution' => '1280x720',
            'streamMode' => StreamMode::AUTO,
        ]);
        $this->assertInstanceOf(Archive::class, $archive);
        $this->assertSame('started', $archive->status);
        $this->assertSame('standup', $archive->name);
        $this->assertSame($sid, $archive->sessionId);
        $this->assertSame('1280x720', $archive->resolution);
        $this->assertSame('composed', $archive->outputMode);
        $this->assertTrue($archive->hasAudio);
        $this->assertIsInt($archive->createdAt);
        $this->assertSame($archive->id, $archive->toArray()['id']);
        $this->assertSame($archive->id, json_decode($archive->toJson(), true)['id']);

        $got = $this->opentok->getArchive($archive->id);
        $this->assertSame($archive->id, $got->id);

        $list = $this->opentok->listArchives(0, 50, $sid);
        $this->assertInstanceOf(ArchiveList::class, $list);
        $this->assertSame(1, $list->totalCount());
        $this->assertSame($archive->id, $list->getItems()[0]->id);
        $this->assertInstanceOf(Archive::class, $list->getItems()[0]);
        $this->assertGreaterThanOrEqual(1, $this->opentok->listArchives()->totalCount());

        $this->opentok->setArchiveLayout($archive->id, Layout::getPIP());
        $this->opentok->setArchiveLayout($archive->id, Layout::createCustom(['stylesheet' => 'stream { width: 100% }']));

        $stopped = $this->opentok->stopArchive($archive->id);
        $this->assertSame($archive->id, $stopped->id);
        $this->assertContains($stopped->status, ['stopped', 'available', 'uploaded']);

        $this->assertTrue($this->opentok->deleteArchive($archive->id));
        $this->assertSame('deleted', $this->opentok->getArchive($archive->id)->status);
    }

    public function testUnknownArchiveIsANotFoundArchiveDomainException(): void
    {
        try {
            $this->opentok->getArchive('00000000-0000-0000-0000-000000000000');
            $this->fail('an unknown archive was found');
        } catch (ArchiveDomainException $e) {
            $this->assertSame(404, $e->httpStatus);
            $this->assertSame(404, $e->getCode());
            $this->assertSame('not_found', $e->kind);
        }
    }

    public function testStartWithANameString(): void
    {
        [$sid] = $this->emulator->liveSession($this->opentok);
        $archive = $this->opentok->startArchive($sid, 'named by a string');
        $this->assertSame('named by a string', $archive->name);
        $this->opentok->stopArchive($archive->id);
    }

    public function testEveryOperationsErrorCase(): void
    {
        $unknown = '00000000-0000-0000-0000-000000000000';
        $calls = [
            'startArchive (no clients)' => fn () => $this->opentok->startArchive($this->routedSession()),
            'stopArchive' => fn () => $this->opentok->stopArchive($unknown),
            'getArchive' => fn () => $this->opentok->getArchive($unknown),
            'deleteArchive' => fn () => $this->opentok->deleteArchive($unknown),
            'setArchiveLayout' => fn () => $this->opentok->setArchiveLayout($unknown, Layout::getBestFit()),
        ];
        foreach ($calls as $name => $call) {
            try {
                $call();
                $this->fail("$name succeeded");
            } catch (ArchiveDomainException $e) {
                $this->assertInstanceOf(ArchiveException::class, $e, $name);
                $this->assertInstanceOf(DomainException::class, $e, $name);
                $this->assertInstanceOf(\DomainException::class, $e, $name);
                $this->assertGreaterThanOrEqual(400, $e->httpStatus, $name);
                $this->assertFalse($e->retryable, $name);
            }
        }
    }

    public function testBadArgumentsAreInvalidArguments(): void
    {
        $sid = $this->routedSession();
        $calls = [
            'unknown option' => [fn () => $this->opentok->startArchive($sid, ['colour' => 'blue']), 'colour'],
            'bad output mode' => [fn () => $this->opentok->startArchive($sid, ['outputMode' => 'mosaic']), 'outputMode'],
            'hasAudio not a bool' => [fn () => $this->opentok->startArchive($sid, ['hasAudio' => 'yes']), 'hasAudio'],
            'empty archive id' => [fn () => $this->opentok->getArchive(''), 'archiveId'],
            'archive id of the wrong type' => [fn () => $this->opentok->stopArchive(['x']), 'archiveId'],
            'negative offset' => [fn () => $this->opentok->listArchives(-1), 'offset'],
            'layout not a layout' => [fn () => $this->opentok->setArchiveLayout('a', ['type' => 'mosaic']), 'layout.type'],
        ];
        foreach ($calls as $name => [$call, $field]) {
            try {
                $call();
                $this->fail("$name was accepted");
            } catch (InvalidArgumentException $e) {
                $this->assertStringContainsString($field, (string) $e->field, "$name: " . $e->getMessage());
            }
        }
    }

    public function testLayoutClass(): void
    {
        $this->assertSame(['type' => 'bestFit'], Layout::getBestFit()->toArray());
        $this->assertSame(['type' => 'verticalPresentation'], Layout::getVerticalPresentation()->toArray());
        $this->assertSame(['type' => 'horizontalPresentation'], Layout::getHorizontalPresentation()->toArray());
        $this->assertSame('{"type":"pip"}', Layout::getPIP()->toJson());
        $this->assertSame(
            ['screenshareType' => 'pip', 'type' => 'bestFit'],
            Layout::getBestFit()->setScreenshareType(Layout::LAYOUT_PIP)->toArray()
        );
        $this->assertSame(['type' => 'pip'], Layout::fromData(['type' => 'pip'])->toArray());
        $this->assertSame('{"type":"pip"}', json_encode(Layout::getPIP()->jsonSerialize()));
        $this->expectException(InvalidArgumentException::class);
        Layout::getPIP()->setScreenshareType(Layout::LAYOUT_BESTFIT);
    }

    public function testCustomLayoutNeedsAStylesheet(): void
    {
        $this->expectException(InvalidArgumentException::class);
        Layout::createCustom([]);
    }
}
